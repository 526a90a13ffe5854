import type { Request, Response } from 'restify';
import type { Notifier } from '../app/digestDelivery';
import type { Digests } from '../app/digests';
import type { BotCredentials } from '../config';
import type { Metrics } from '../metrics';
import { TeamsAdapter } from './adapter';
import { AuthFailures } from './authFailures';
import { WorkshopBot } from './bot';
import { CardUpdater } from './cardUpdater';
import type { BotDeps } from './deps';
import { messagesEndpoint } from './endpoint';
import { TeamsNotifier } from './notifier';
import { OutboundQueue } from './outbound/outboundQueue';
import { EngagementCards } from './publish';

export { CardRenderer } from './cards';
export type { BotDeps } from './deps';

export interface AuthSettings {
  credentials?: BotCredentials;
  openIdMetadataUrl?: string;
}

export interface OutboundSettings {
  timeoutMs: number;
  maxSockets: number;
}

export interface TeamsEndpoint {
  /** Scheduled digests and `remind`, sending through this endpoint's notifier. */
  digests: Digests;
  /** The handler for POST /api/messages. */
  messages(req: Request, res: Response): Promise<void>;
  /** Resolves once every card update in the background has been sent, or after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
  /** Open sockets to the Bot Connector. */
  openSockets(): number;
  /** Tries again the posted copies whose update was given up, as a pass every 30 s does. */
  recoverStaleCards(): void;
  /** Gives up on what is still queued and closes every socket. */
  close(): void;
}

/** The Teams side of the bot: the adapter, the bot, and what it sends to Teams on its own. */
export function teamsEndpoint(
  auth: AuthSettings,
  outbound: OutboundSettings,
  deps: Omit<BotDeps, 'digests'>,
  metrics: Metrics,
  makeDigests: (notifier: Notifier) => Digests,
): TeamsEndpoint {
  const adapter = new TeamsAdapter(auth, deps.logger.child({ component: 'adapter' }), outbound);
  const queue = new OutboundQueue(deps.logger.child({ component: 'outbound' }), metrics);
  const botId = `28:${auth.credentials?.appId ?? ''}`;
  const digests = makeDigests(new TeamsNotifier(adapter.connector, queue, deps.cards, botId));
  const botDeps: BotDeps = { ...deps, digests };
  const cards = new EngagementCards(botDeps, (engagement, keys) => updater.schedule(engagement, keys));
  const updater = new CardUpdater({
    store: deps.store,
    queue,
    connector: adapter.connector,
    render: (engagement, card) => cards.attachmentFor(engagement, card),
    metrics,
  });
  const bot = new WorkshopBot(botDeps, cards);
  const authFailures = new AuthFailures(deps.logger.child({ component: 'auth' }), metrics);
  return {
    digests,
    messages: messagesEndpoint(adapter, (turn) => bot.run(turn), authFailures, deps.logger, outbound.timeoutMs),
    idle: (timeoutMs) => updater.idle(timeoutMs),
    openSockets: () => adapter.http.openSockets(),
    recoverStaleCards: () => updater.recoverStale(),
    close() {
      updater.close();
      queue.close();
      adapter.http.close();
    },
  };
}
