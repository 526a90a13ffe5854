import restify from 'restify';
import type { Stores } from './app/ports';
import type { Logger } from './logger';
import { withTimeout } from './store/timeouts';

export type MessageEndpoint = (req: restify.Request, res: restify.Response) => Promise<void>;

export interface ServerDeps {
  messages: MessageEndpoint;
  store: Pick<Stores, 'kind' | 'ping'>;
  logger: Logger;
  /** True once the bot is shutting down: readiness answers 503 so that traffic moves away. */
  draining?: () => boolean;
}

/** /readyz answers within this, whatever the store does. */
export const READINESS_TIMEOUT_MS = 1500;

export function createServer({ messages, store, logger, draining = () => false }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'security-workshops-bot' });
  // The messages endpoint parses the body itself, so a form body or broken JSON gets its own short 400.
  server.use(restify.plugins.bodyReader({ maxBodySize: 256 * 1024 }));

  server.post('/api/messages', messages);

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    if (draining()) return void res.send(503, { status: 'stopping', store: store.kind });
    try {
      await withTimeout(store.ping(), READINESS_TIMEOUT_MS, 'ping');
      res.send(200, { status: 'ready', store: store.kind });
    } catch (error) {
      logger.warn({ err: error }, 'store is not reachable');
      res.send(503, { status: 'unavailable', store: store.kind });
    }
  });

  return server;
}
