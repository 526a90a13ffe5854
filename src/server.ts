import restify from 'restify';
import type { EngagementStore } from './app/ports';
import type { Logger } from './logger';

export type MessageEndpoint = (req: restify.Request, res: restify.Response) => Promise<void>;

export interface ServerDeps {
  messages: MessageEndpoint;
  store: EngagementStore;
  logger: Logger;
}

export function createServer({ messages, store, logger }: ServerDeps): restify.Server {
  const server = restify.createServer({ name: 'security-workshops-bot' });
  server.use(restify.plugins.bodyParser({ maxBodySize: 256 * 1024 }));

  server.post('/api/messages', messages);

  server.get('/healthz', async (_req, res) => {
    res.send(200, { status: 'ok' });
  });

  server.get('/readyz', async (_req, res) => {
    try {
      await store.ping();
      res.send(200, { status: 'ready', store: store.kind });
    } catch (error) {
      logger.warn({ err: error }, 'store is not reachable');
      res.send(503, { status: 'unavailable', store: store.kind });
    }
  });

  return server;
}
