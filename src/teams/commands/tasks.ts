import { channelTaskList, channelTaskListKey } from '../cards/taskLists';
import { viewerOf } from '../turn/turnFacts';
import { withEngagement } from './withEngagement';
import type { Command } from './types';

export const tasksCommand: Command = {
  name: 'tasks',
  usage: 'tasks [role | mine]',
  description: 'Open tasks: all of them, one role\'s ("tasks sme") or yours ("tasks mine"), to start or complete.',
  scope: 'conversation',
  run: withEngagement(async ({ turn, cards, args }, engagement) => {
    const viewer = viewerOf(turn);
    const words = args.join(' ');
    const list = channelTaskList(engagement, viewer, words);
    if (typeof list === 'string') return void (await turn.sendActivity(list));
    await cards.postTaskList(turn, engagement, channelTaskListKey(words, viewer.person), viewer.person);
  }),
};
