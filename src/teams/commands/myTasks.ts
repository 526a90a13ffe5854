import { MessageFactory } from 'botbuilder';
import { myTaskList } from '../taskLists';
import { viewerOf } from '../turn';
import type { Command } from './types';

export const myTasksCommand: Command = {
  name: 'my tasks',
  usage: 'my tasks',
  description: 'Your open tasks across every engagement, to start or complete (in our 1:1 chat).',
  scope: 'personal',
  async run({ turn, deps }) {
    const list = await myTaskList(deps, viewerOf(turn));
    await turn.sendActivity(MessageFactory.attachment(deps.cards.attachment('taskList', list)));
  },
};
