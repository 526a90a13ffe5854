import type { AddressInfo } from 'node:net';
import type { Config } from './config';
import { createLogger, type Logger } from './logger';
import { loadCatalog } from './playbook/catalog';
import { createServer } from './server';
import { createStore } from './store/createStore';
import { CardRenderer, teamsEndpoint } from './teams';

export interface RunningBot {
  url: string;
  port: number;
  /** Resolves once every background card update has been sent. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  now?: () => Date;
}

/** The composition root: config → logger → catalog → store → bot → server. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const catalog = loadCatalog(config.playbooksDir);
  const cards = new CardRenderer();
  const store = await createStore(config.storage);
  const deps = {
    catalog,
    store,
    cards,
    logger,
    now: options.now ?? (() => new Date()),
    allowedTenantId: config.allowedTenantId,
  };
  const teams = teamsEndpoint(config.bot, deps);
  const server = createServer({ messages: teams.messages, store, logger });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  logger.info(
    {
      port,
      store: store.kind,
      playbooks: catalog.playbooks.map((p) => p.id),
      auth: config.bot ? config.bot.appType : 'none (local only)',
    },
    'bot listening',
  );
  return {
    url: `http://${host}:${port}`,
    port,
    idle: () => teams.idle(),
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeAllConnections();
      await closed;
      await teams.idle();
      await store.close();
    },
  };
}
