import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { jsonText } from '../jsonText';

/** A Bot Connector call that failed: `status` 0 means no answer came (timeout or network). */
export class ConnectorError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly retryAfterMs?: number,
  ) {
    super(`Bot Connector answered ${status || 'nothing'} (${code})`);
    this.name = 'ConnectorError';
  }

  get timedOut(): boolean {
    return this.code === 'Timeout';
  }
}

export interface ConnectorCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  serviceUrl: string;
  path: string;
  body?: unknown;
}

/** The bearer token for calls to a service URL; undefined when the bot runs without credentials. */
export type TokenSource = (serviceUrl: string) => Promise<string | undefined>;

export interface ConnectorHttpOptions {
  /** Every call, the token included, answers or fails within this time. */
  timeoutMs: number;
  /** Open sockets per Bot Connector host; further calls wait for a free one. */
  maxSockets: number;
}

const MAX_RESPONSE_BYTES = 1024 * 1024;
/** Teams refuses a message over about 40 KB (413); one that big is not sent at all. */
export const MAX_ACTIVITY_BYTES = 40 * 1024;

/** Retry-After in seconds or as an HTTP date, in milliseconds from now. */
export function retryAfterMs(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? code.slice(0, 64) : 'Error';
  } catch {
    return 'Error';
  }
}

/**
 * Keeps a socket for the next call only if it carried one. A call whose deadline passed while it waited for
 * a socket leaves the socket Node then connects for it unused, and Node would pool it, open to the server
 * until the idle timeout; one that never wrote a byte is closed instead.
 */
function keepOnlyUsed<T extends http.Agent>(agent: T): T {
  const keep = agent.keepSocketAlive.bind(agent) as (socket: Duplex) => boolean;
  Object.assign(agent, {
    keepSocketAlive: (socket: Duplex) => ((socket as Socket).bytesWritten > 0 ? keep(socket) : false),
  });
  return agent;
}

/**
 * The bot's only HTTP client for the Bot Connector: keep-alive sockets bounded per host, and a deadline on
 * every call that destroys its socket, so a call that never answers costs one socket for a bounded time.
 */
export class ConnectorHttp {
  private readonly agents;
  private readonly inFlight = new Set<http.ClientRequest>();

  constructor(
    private readonly tokens: TokenSource,
    private readonly options: ConnectorHttpOptions,
  ) {
    const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: 4, timeout: 30_000 };
    this.agents = {
      http: keepOnlyUsed(new http.Agent(agentOptions)),
      https: keepOnlyUsed(new https.Agent(agentOptions)),
    };
  }

  async call<T>(call: ConnectorCall): Promise<T> {
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const token = await Promise.race([this.tokens(call.serviceUrl), aborted(deadline)]);
    return this.send<T>(call, token, deadline);
  }

  /** Open sockets to Bot Connector hosts, for the reliability suite. */
  openSockets(): number {
    const count = (agent: http.Agent) =>
      [...Object.values(agent.sockets), ...Object.values(agent.freeSockets)].reduce((n, s) => n + (s?.length ?? 0), 0);
    return count(this.agents.http) + count(this.agents.https);
  }

  /** Aborts every call still waiting and closes every socket. */
  close(): void {
    for (const request of this.inFlight) request.destroy(new ConnectorError(0, 'ShuttingDown'));
    this.agents.http.destroy();
    this.agents.https.destroy();
  }

  private send<T>(call: ConnectorCall, token: string | undefined, deadline: AbortSignal): Promise<T> {
    const url = new URL(
      call.path.replace(/^\//, ''),
      call.serviceUrl.endsWith('/') ? call.serviceUrl : `${call.serviceUrl}/`,
    );
    const secure = url.protocol === 'https:';
    const payload = call.body === undefined ? undefined : Buffer.from(jsonText(call.body));
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json' };
    if (payload) Object.assign(headers, { 'content-type': 'application/json', 'content-length': payload.length });
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload && payload.length > MAX_ACTIVITY_BYTES) {
      return Promise.reject(new ConnectorError(413, 'RequestTooLarge'));
    }
    return new Promise<T>((resolve, reject) => {
      const request = (secure ? https : http).request(url, {
        method: call.method,
        headers,
        agent: secure ? this.agents.https : this.agents.http,
        signal: deadline,
      });
      this.inFlight.add(request);
      request.once('close', () => this.inFlight.delete(request));
      request.once('error', (error) => reject(asConnectorError(error, deadline)));
      request.once('response', (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) request.destroy(new ConnectorError(0, 'ResponseTooLarge'));
          else chunks.push(chunk);
        });
        response.once('error', (error) => reject(asConnectorError(error, deadline)));
        response.once('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) {
            try {
              return resolve((body ? JSON.parse(body) : {}) as T);
            } catch {
              return reject(new ConnectorError(status, 'UnreadableAnswer'));
            }
          }
          const header = response.headers['retry-after'];
          reject(new ConnectorError(status, errorCode(body), retryAfterMs(Array.isArray(header) ? header[0] : header)));
        });
      });
      request.end(payload);
    });
  }
}

function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => reject(new ConnectorError(0, 'Timeout'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}

function asConnectorError(error: unknown, deadline: AbortSignal): ConnectorError {
  if (error instanceof ConnectorError) return error;
  if (deadline.aborted) return new ConnectorError(0, 'Timeout');
  const code = (error as { code?: unknown }).code;
  return new ConnectorError(0, typeof code === 'string' ? code : 'NetworkError');
}
