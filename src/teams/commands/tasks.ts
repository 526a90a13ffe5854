import { MessageFactory } from 'botbuilder';
import { channelTaskList } from '../taskLists';
import { viewerOf } from '../turn';
import { withEngagement } from './withEngagement';
import type { Command } from './types';

export const tasksCommand: Command = {
  name: 'tasks',
  usage: 'tasks [role | mine]',
  description: 'Open tasks: all of them, one role\'s ("tasks sme") or yours ("tasks mine"), to start or complete.',
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps, args }, engagement) => {
    const list = channelTaskList(engagement, viewerOf(turn), args.join(' '));
    if (typeof list === 'string') return void (await turn.sendActivity(list));
    await turn.sendActivity(MessageFactory.attachment(deps.cards.attachment('taskList', list)));
  }),
};
