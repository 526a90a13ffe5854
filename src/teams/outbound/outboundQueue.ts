import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';
import { ConnectorError } from './connectorHttp';
import { APP_LIMITS, CONVERSATION_LIMITS, SendWindows } from './rateLimit';

export type OutboundKind = 'cardUpdates' | 'messages';

export interface OutboundJob {
  /** Jobs of one conversation go one at a time, in order; other conversations are not held up. */
  conversation: string;
  kind: OutboundKind;
  /** A queued job with the same key is not queued twice (the newer one would send the same state). */
  key?: string;
  /** Safe to send again after a call that got no answer (an update is; a new message is not). */
  idempotent: boolean;
  /** What the log line names when the job gives up: ids only, never personal data. */
  labels: Record<string, string>;
  run(): Promise<void>;
  /** Told once when the job will not be sent, with the last error. */
  gaveUp?(error: unknown): void;
}

/**
 * The update of one posted card: idempotent, and keyed by the card's activity, so that of two queued updates
 * of one card only one is sent (each sends the state current when it runs).
 */
export function cardUpdateJob(
  conversation: string,
  activityId: string,
  labels: Record<string, string>,
  run: () => Promise<void>,
  gaveUp: (error: unknown) => void = () => undefined,
): OutboundJob {
  return { conversation, kind: 'cardUpdates', key: activityId, idempotent: true, labels, run, gaveUp };
}

export interface OutboundOptions {
  maxAttempts: number;
  /** Calls in flight at once across all conversations. */
  concurrency: number;
  /** Jobs waiting across all conversations; beyond it a job is refused (and logged), not queued. */
  maxQueued: number;
  baseBackoffMs: number;
}

export const OUTBOUND_DEFAULTS: OutboundOptions = {
  maxAttempts: 6,
  concurrency: 16,
  maxQueued: 20_000,
  baseBackoffMs: 500,
};

/** 429s from this many conversations within a second mean the app-wide limit, not one chat's. */
const APP_WIDE_429_CONVERSATIONS = 3;
const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

interface Entry {
  job: OutboundJob;
  attempts: number;
}

interface Lane {
  queue: Entry[];
  busy: boolean;
  notBefore: number;
  windows: SendWindows;
}

/**
 * Every message and card update the bot sends on its own goes through here: drained per conversation,
 * paced under Teams' limits, Retry-After honoured for the conversation that got it (for everyone only
 * when the app-wide limit was hit), bounded retries with backoff, and a visible give-up.
 */
export class OutboundQueue {
  private readonly lanes = new Map<string, Lane>();
  private readonly app = new SendWindows(APP_LIMITS);
  private appNotBefore = 0;
  private recent429: { conversation: string; at: number }[] = [];
  private running = 0;
  private queued = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly options: OutboundOptions = OUTBOUND_DEFAULTS,
  ) {}

  /** Queues a job; false when it was refused (the queue is full or closed) or is already queued. */
  enqueue(job: OutboundJob): boolean {
    if (this.closed || this.queued >= this.options.maxQueued) {
      this.giveUp({ job, attempts: 0 }, new ConnectorError(0, this.closed ? 'ShuttingDown' : 'QueueFull'));
      return false;
    }
    const lane = this.lane(job.conversation);
    if (job.key && lane.queue.some((e) => e.job.key === job.key)) return false;
    lane.queue.push({ job, attempts: 0 });
    this.queued++;
    this.pump();
    return true;
  }

  /** Jobs waiting or in flight. */
  get size(): number {
    return this.queued + this.running;
  }

  /** Resolves when nothing waits or runs, or when `timeoutMs` passes; true when everything was sent. */
  async idle(timeoutMs = Infinity): Promise<boolean> {
    if (this.size === 0) return true;
    const done = new Promise<boolean>((resolve) => this.idleWaiters.push(() => resolve(true)));
    if (!Number.isFinite(timeoutMs)) return done;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
    const result = await Promise.race([done, late]);
    clearTimeout(timer);
    return result;
  }

  /** Refuses new jobs and gives up on those still waiting (each logged). */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const lane of this.lanes.values()) {
      for (const entry of lane.queue.splice(0)) this.giveUp(entry, new ConnectorError(0, 'ShuttingDown'));
    }
    this.queued = 0;
    this.settle();
  }

  private lane(conversation: string): Lane {
    let lane = this.lanes.get(conversation);
    if (!lane) {
      lane = { queue: [], busy: false, notBefore: 0, windows: new SendWindows(CONVERSATION_LIMITS) };
      this.lanes.set(conversation, lane);
    }
    return lane;
  }

  private pump(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    let wakeAt = Infinity;
    const now = Date.now();
    for (const [conversation, lane] of this.lanes) {
      if (this.running >= this.options.concurrency) break;
      // While the app's own window is full no conversation may send: wait for it instead of looking at
      // every lane, which on a busy tenant is thousands of them each time a send completes.
      const appAt = Math.max(this.appNotBefore, this.app.nextFree(now));
      if (appAt > now) {
        wakeAt = appAt;
        break;
      }
      if (lane.busy) continue;
      if (lane.queue.length === 0) {
        if (now - lane.windows.lastAt() > 30_000) this.lanes.delete(conversation);
        continue;
      }
      const at = Math.max(lane.notBefore, lane.windows.nextFree(now));
      if (at > now) {
        wakeAt = Math.min(wakeAt, at);
        continue;
      }
      this.start(lane, lane.queue.shift()!);
    }
    if (wakeAt < Infinity) this.timer = setTimeout(() => this.pump(), Math.max(0, wakeAt - Date.now())).unref();
  }

  private start(lane: Lane, entry: Entry): void {
    this.queued--;
    this.running++;
    lane.busy = true;
    const slots = [lane.windows.begin(), this.app.begin()];
    entry.attempts++;
    entry.job
      .run()
      .then(
        () => this.metrics.add(`${entry.job.kind}.sent`, entry.job.labels),
        (error: unknown) => this.failed(lane, entry, error),
      )
      .finally(() => {
        const done = Date.now();
        for (const slot of slots) slot.done(done);
        this.running--;
        lane.busy = false;
        this.pump();
        this.settle();
      });
  }

  private failed(lane: Lane, entry: Entry, error: unknown): void {
    const status = error instanceof ConnectorError ? error.status : -1;
    if (error instanceof ConnectorError && error.timedOut) this.metrics.add('outbound.timedOut', entry.job.labels);
    const retryable = RETRYABLE.has(status) || (status === 0 && entry.job.idempotent);
    if (this.closed || !retryable || entry.attempts >= this.options.maxAttempts) return this.giveUp(entry, error);
    const backoff = this.options.baseBackoffMs * 2 ** (entry.attempts - 1) * (0.5 + Math.random());
    const waitMs = (error as ConnectorError).retryAfterMs ?? backoff;
    const until = Date.now() + waitMs;
    lane.notBefore = Math.max(lane.notBefore, until);
    if (status === 429 && this.appWide(entry.job.conversation)) this.appNotBefore = Math.max(this.appNotBefore, until);
    lane.queue.unshift(entry);
    this.queued++;
    this.metrics.add(`${entry.job.kind}.retried`, entry.job.labels);
  }

  private appWide(conversation: string): boolean {
    const now = Date.now();
    this.recent429 = [...this.recent429.filter((r) => now - r.at < 1000), { conversation, at: now }];
    return new Set(this.recent429.map((r) => r.conversation)).size >= APP_WIDE_429_CONVERSATIONS;
  }

  private giveUp(entry: Entry, error: unknown): void {
    const status = error instanceof ConnectorError ? error.status : undefined;
    const code = error instanceof ConnectorError ? error.code : error instanceof Error ? error.name : 'Error';
    this.metrics.add(`${entry.job.kind}.givenUp`, entry.job.labels);
    this.logger.warn(
      { event: 'outbound.givenUp', kind: entry.job.kind, status, code, attempts: entry.attempts, ...entry.job.labels },
      'gave up sending to Teams',
    );
    entry.job.gaveUp?.(error);
  }

  private settle(): void {
    if (this.size > 0) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
