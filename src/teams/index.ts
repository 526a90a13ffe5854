import type { Request, Response } from 'restify';
import type { BotCredentials } from '../config';
import { createAdapter } from './adapter';
import { WorkshopBot } from './bot';
import type { BotDeps } from './deps';

export { CardRenderer } from './cards';
export type { BotDeps } from './deps';

/** The Teams side of the bot as one HTTP handler for POST /api/messages. */
export function teamsEndpoint(credentials: BotCredentials | undefined, deps: BotDeps) {
  const adapter = createAdapter(credentials, deps.logger.child({ component: 'adapter' }));
  const bot = new WorkshopBot(deps);
  return async (req: Request, res: Response): Promise<void> => {
    await adapter.process(req, res, (turn) => bot.run(turn));
  };
}
