import { myTaskList } from '../cards/taskLists';
import { viewerOf } from '../turn/turnFacts';
import type { Command } from './types';

export const myTasksCommand: Command = {
  name: 'my tasks',
  usage: 'my tasks',
  description: 'Your open tasks across every engagement, to start or complete (in our 1:1 chat).',
  scope: 'personal',
  async run({ turn, deps, cards }) {
    const list = await myTaskList(deps, viewerOf(turn));
    await cards.personal.postMyTasks(turn, deps.renderer.attachment('taskList', list));
  },
};
