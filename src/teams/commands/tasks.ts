import { MessageFactory } from 'botbuilder';
import { channelTaskList } from '../cards/taskLists';
import { viewerOf } from '../turn/turnFacts';
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
    await turn.sendActivity(MessageFactory.attachment(deps.renderer.attachment('taskList', list)));
  }),
};
