import { MessageFactory } from 'botbuilder';
import { personKey, rolesOf } from '../../domain/people';
import { actorOf } from '../turn';
import { taskListView } from '../views/taskList';
import type { Command } from './types';

export const myTasksCommand: Command = {
  name: 'my tasks',
  usage: 'my tasks',
  description: 'Your open tasks across every engagement (in our 1:1 chat).',
  scope: 'personal',
  async run({ turn, deps }) {
    const actor = actorOf(turn);
    const engagements = await deps.store.listByMember(personKey(actor));
    const view = taskListView('Your open tasks', 'Across all engagements', engagements, (e) => rolesOf(e, actor), true);
    await turn.sendActivity(MessageFactory.attachment(deps.cards.attachment('taskList', view)));
  },
};
