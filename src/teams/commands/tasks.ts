import { MessageFactory } from 'botbuilder';
import { rolesOf } from '../../domain/people';
import type { Engagement } from '../../domain/types';
import { actorOf } from '../turn';
import { taskListView } from '../views/taskList';
import { withEngagement } from './withEngagement';
import type { Command } from './types';

function rolesAsked(engagement: Engagement, args: string[]): string[] | undefined {
  const asked = args.join(' ');
  const roles = [...new Set(engagement.tasks.map((t) => t.role))];
  if (!asked) return roles;
  return roles.filter((r) => r.toLowerCase() === asked || r.toLowerCase().replace(/^fasttrack /, '') === asked);
}

export const tasksCommand: Command = {
  name: 'tasks',
  usage: 'tasks [role | mine]',
  description: 'Open tasks: all of them, one role\'s ("tasks sme") or yours ("tasks mine").',
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps, args }, engagement) => {
    const actor = actorOf(turn);
    const mine = args.join(' ') === 'mine';
    const roles = mine ? rolesOf(engagement, actor) : rolesAsked(engagement, args);
    if (!roles?.length) {
      const known = [...new Set(engagement.tasks.map((t) => t.role.toLowerCase()))].join(', ');
      const text = mine
        ? 'You hold no role in this engagement.'
        : `No role "${args.join(' ')}" here. Try one of: ${known}.`;
      return void (await turn.sendActivity(text));
    }
    const title = mine ? `Open tasks for ${actor.name}` : `Open tasks: ${roles.join(', ')}`;
    const view = taskListView(title, engagement.customerName, [engagement], () => roles, false);
    await turn.sendActivity(MessageFactory.attachment(deps.cards.attachment('taskList', view)));
  }),
};
