import type { Request, Response } from 'restify';
import type { BotCredentials } from '../config';
import { createAdapter } from './adapter';
import { WorkshopBot } from './bot';
import { CardRefresher } from './cardRefresher';
import type { BotDeps } from './deps';

export { CardRenderer } from './cards';
export type { BotDeps } from './deps';

export interface TeamsEndpoint {
  /** The handler for POST /api/messages. */
  messages(req: Request, res: Response): Promise<void>;
  /** Resolves once every card update in the background has been sent. */
  idle(): Promise<void>;
}

/** The Teams side of the bot: the adapter, the bot and the background card updates. */
export function teamsEndpoint(credentials: BotCredentials | undefined, deps: BotDeps): TeamsEndpoint {
  const adapter = createAdapter(credentials, deps.logger.child({ component: 'adapter' }));
  const refresher = new CardRefresher(adapter, credentials?.appId ?? '', deps.logger.child({ component: 'cards' }));
  const bot = new WorkshopBot(deps, refresher);
  return {
    messages: async (req, res) => {
      await adapter.process(req, res, (turn) => bot.run(turn));
    },
    idle: () => refresher.idle(),
  };
}
