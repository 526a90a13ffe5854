import type { Request, Response } from 'restify';
import type { Metrics } from '../metrics';
import { offerPlaybookUpdates } from '../app/playbookUpdates';
import { WorkshopBot } from './bot';
import { playbookOfferPoster } from './cards/playbookOffers';
import { CardUpdater } from './cards/cardUpdater';
import { reportUrl } from './views/reportUrl';
import { EngagementCardViews } from './cards/engagementCardViews';
import { EngagementCards } from './cards/engagementCards';
import { PersonalCards, personalCardsRendering } from './cards/personalCards';
import type { TeamsConnection } from './connection';
import type { BotDeps } from './deps';
import { AuthFailures } from './http/authFailures';
import { messagesEndpoint } from './http/endpoint';

export { CardRenderer } from './cards/renderer';
export { TeamsConnection } from './connection';
export type { BotDeps } from './deps';

export interface TeamsEndpoint {
  /** The handler for POST /api/messages. */
  messages(req: Request, res: Response): Promise<void>;
  /** Resolves once every card update in the background has been sent, or after `timeoutMs`. */
  idle(timeoutMs?: number): Promise<boolean>;
  /** Tries again the posted copies whose update was given up, as a pass every 30 s does. */
  recoverStaleCards(): void;
  /** Offers each running engagement whose playbook has a newer version a card saying what it changes. */
  offerPlaybookUpdates(): Promise<number>;
  /** Gives up on the card updates still waiting. */
  close(): void;
}

/** The Teams side of the bot: the bot behind POST /api/messages, and the posted cards it keeps current. */
export function teamsEndpoint(connection: TeamsConnection, deps: BotDeps, metrics: Metrics): TeamsEndpoint {
  const { adapter, queue } = connection;
  const views = new EngagementCardViews(deps.catalog, deps.renderer, (e) => reportUrl(deps, e));
  const updater = new CardUpdater({
    store: deps.store,
    queue,
    connector: adapter.connector,
    render: (engagement, post) => views.attachmentForPost(engagement, post),
    metrics,
  });
  const personal = new PersonalCards({
    people: deps.people,
    queue,
    connector: adapter.connector,
    logger: deps.logger,
    ...personalCardsRendering(deps),
  });
  const cards = new EngagementCards(deps, views, updater, personal);
  const bot = new WorkshopBot(deps, cards);
  const authFailures = new AuthFailures(deps.logger.child({ component: 'auth' }), metrics);
  return {
    messages: messagesEndpoint(adapter, (turn) => bot.run(turn), authFailures, deps.logger, connection.timeoutMs),
    async idle(ms) {
      const deadline = Date.now() + (ms ?? Infinity);
      await personal.queued();
      return updater.idle(Math.max(0, deadline - Date.now()));
    },
    recoverStaleCards: () => updater.recoverStale(),
    offerPlaybookUpdates: () =>
      offerPlaybookUpdates(deps, playbookOfferPoster(deps, queue, adapter.connector, cards), deps.logger),
    close() {
      updater.close();
      personal.close();
    },
  };
}
