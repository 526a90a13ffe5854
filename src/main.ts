import type { AddressInfo } from 'node:net';
import { Digests } from './app/digests';
import { PeopleDirectory } from './app/people';
import type { Config } from './config';
import { ConnectionDrain } from './connectionDrain';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { catalogOf, loadCatalog } from './playbook/catalog';
import { ReminderScheduler } from './reminders/scheduler';
import { createServer } from './server';
import { createStores } from './store/createStores';
import { ReportLinks } from './app/reportLinks';
import { registerWebRoutes } from './web/routes';
import { tabScript } from './web/clientBundle';
import { reportKeyOf, signInOf } from './webSetup';
import { CardRenderer, TeamsConnection, teamsEndpoint } from './teams';

export interface RunningBot {
  url: string;
  port: number;
  metrics: Metrics;
  /** Resolves once every background card update has been sent (or `timeoutMs` passed). */
  idle(timeoutMs?: number): Promise<boolean>;
  /** Open sockets to the Bot Connector. */
  openSockets(): number;
  /** Tries again the posted cards whose update was given up, as the bot does every 30 s. */
  recoverStaleCards(): void;
  /** Runs a reminder sweep now, as the scheduler does every REMINDER_SWEEP_SECONDS. */
  sweepReminders(): ReturnType<ReminderScheduler['sweepNow']>;
  /** The start's offers of newer playbooks: how many engagements got one. */
  playbookOffers: Promise<number>;
  /** Stops accepting, lets in-flight requests and background sends finish up to the deadline, closes the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  metrics?: Metrics;
  now?: () => Date;
  /** Where the Bot Framework's signing keys are published; the SDK's default unless a test moves it. */
  openIdMetadataUrl?: string;
  /** Where Entra ID publishes the keys of the tab's SSO tokens; the tenant's own unless a test moves it. */
  entraMetadataUrl?: string;
}

/** The composition root: config → logger → catalog → store → bot → server. */
export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const metrics = options.metrics ?? new Metrics();
  const files = loadCatalog(config.playbooksDir);
  const renderer = new CardRenderer(undefined, 'compiled', (card, bytes) =>
    logger.error({ event: 'card.tooLarge', card, bytes }, 'a card was over its size budget and was replaced'),
  );
  const stores = await createStores(config.storage, config.timeouts.storeMs, (copied) =>
    logger.info({ event: 'store.migrated', ...copied }, 'copied the first Cosmos DB layout into the current one'),
  );
  const store = stores.engagements;
  // Every version seen is kept, so an engagement reads its own after the file changes or goes.
  for (const playbook of files.playbooks) await stores.playbooks.keep(playbook);
  const catalog = catalogOf(files.playbooks, await stores.playbooks.all());
  const now = options.now ?? (() => new Date());
  const { reminders } = config;
  const policy = { hour: reminders.hour, leadDays: reminders.leadDays, escalateAfterDays: reminders.escalateAfterDays };
  const people = new PeopleDirectory({ reminders: stores.reminders, now, policy, defaultTimeZone: reminders.timeZone });
  const outbound = { timeoutMs: config.timeouts.connectorMs, maxSockets: 32 };
  const auth = { credentials: config.bot, openIdMetadataUrl: options.openIdMetadataUrl };
  const connection = new TeamsConnection(auth, outbound, logger, metrics);
  const reminderLogger = logger.child({ component: 'reminders' });
  const digests = new Digests({
    engagements: store,
    reminders: stores.reminders,
    now,
    policy,
    defaultTimeZone: reminders.timeZone,
    claimLeaseMs: reminders.claimLeaseMs,
    notifier: connection.notifier(renderer),
    people,
    logger: reminderLogger,
  });
  const { allowedTenantId } = config;
  let publicUrl = config.publicUrl ?? '';
  const links = new ReportLinks(reportKeyOf(config), () => publicUrl);
  const deps = {
    catalog,
    store,
    renderer,
    logger,
    now,
    allowedTenantId,
    people,
    digests,
    roster: connection.roster,
    links,
  };
  const teams = teamsEndpoint(connection, deps, metrics);
  const scheduler = new ReminderScheduler(digests, reminders.sweepMs, reminderLogger);
  const server = createServer({
    messages: teams.messages,
    store: stores,
    logger,
    draining: () => connections.isDraining,
  });
  registerWebRoutes(server, {
    store,
    catalog,
    links,
    now,
    logger,
    signIn: signInOf(config, () => publicUrl, options.entraMetadataUrl),
    development: !config.bot,
    script: tabScript(),
  });
  const connections = new ConnectionDrain(server.server);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  publicUrl ||= `http://${host}:${port}`;
  const started = {
    port,
    store: stores.kind,
    playbooks: catalog.playbooks.map((p) => p.id),
    auth: config.bot ? config.bot.appType : 'none',
  };
  if (config.bot) logger.info(started, 'bot listening');
  else logger.warn(started, 'bot listening WITHOUT authentication: requests are not authenticated (local use only)');
  scheduler.start();
  const playbookOffers = teams.offerPlaybookUpdates().then(
    (offered) => {
      if (offered > 0) logger.info({ event: 'playbook.offered', engagements: offered }, 'offered a newer playbook');
      return offered;
    },
    (error: unknown) => {
      logger.warn({ err: error }, 'could not look for engagements on an older playbook');
      return 0;
    },
  );
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    metrics,
    playbookOffers,
    idle: (timeoutMs) => teams.idle(timeoutMs),
    openSockets: () => connection.openSockets(),
    recoverStaleCards: () => teams.recoverStaleCards(),
    sweepReminders: () => scheduler.sweepNow(),
    close() {
      closing ??= (async () => {
        const { shutdownMs, drainMs } = config.timeouts;
        const deadline = Date.now() + shutdownMs;
        // At least half the deadline is left for the requests and card updates still in flight.
        const finished = await connections.drain({ drainMs: Math.min(drainMs, shutdownMs / 2), deadline });
        await scheduler.stop();
        const sent = await teams.idle(Math.max(0, deadline - Date.now()));
        teams.close();
        connection.close();
        await stores.close();
        logger.info({ requestsFinished: finished, backgroundSent: sent }, 'bot stopped');
      })();
      return closing;
    },
  };
}
