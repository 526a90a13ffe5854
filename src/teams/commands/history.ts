import { MessageFactory } from 'botbuilder';
import { history } from '../../app/history';
import { UnknownTaskError } from '../../domain/errors';
import { historyView } from '../views/history';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

export const HISTORY_LIMIT = 20;

export const historyCommand: Command = {
  name: 'history',
  usage: 'history [task id]',
  description: 'The latest 20 changes, or one task\'s ("history 4084").',
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps, args }, engagement) => {
    const taskId = args[0]?.slice(0, 32);
    if (taskId && !engagement.tasks.some((t) => t.id === taskId)) throw new UnknownTaskError(taskId);
    const events = await history(deps.store, engagement, { limit: HISTORY_LIMIT, ...(taskId && { taskId }) });
    const card = deps.renderer.attachment(
      'history',
      historyView(engagement, events, HISTORY_LIMIT, { taskId, zone: turn.activity.localTimezone }),
    );
    await turn.sendActivity(MessageFactory.attachment(card));
  }),
};
