import { personKey, rolesOf } from '../../domain/people';
import type { Engagement } from '../../domain/types';
import type { TaskListCardData } from '../views/cardTypes';
import type { BotDeps } from '../deps';
import type { PersonalViewer } from '../views/format';
import { customer, personName } from '../views/format';
import { taskListView } from '../views/taskList';

/** `my tasks`: the person's open tasks across every engagement they hold a role in. */
export async function myTaskList(deps: BotDeps, viewer: PersonalViewer) {
  const engagements = await deps.store.listByMember(personKey(viewer.person));
  const heading = { title: 'Your open tasks', subtitle: 'Across all engagements' };
  return taskListView(heading, engagements, (e) => rolesOf(e, viewer.person), viewer, { list: 'mine' });
}

function rolesAsked(engagement: Engagement, asked: string): string[] {
  const roles = [...new Set(engagement.tasks.map((t) => t.role))];
  if (!asked) return roles;
  return roles.filter((r) => r.toLowerCase() === asked || r.toLowerCase().replace(/^fasttrack /, '') === asked);
}

/**
 * `tasks [role | mine]` in an engagement's channel: the list, or what to say when the words name no role
 * the person can list.
 */
export function channelTaskList(
  engagement: Engagement,
  viewer: PersonalViewer,
  args: string,
): TaskListCardData | string {
  const mine = args === 'mine';
  const roles = mine ? rolesOf(engagement, viewer.person) : rolesAsked(engagement, args);
  if (!roles.length) {
    const known = [...new Set(engagement.tasks.map((t) => t.role.toLowerCase()))].join(', ');
    return mine ? 'You hold no role in this engagement.' : `No role "${args}" here. Try one of: ${known}.`;
  }
  const title = mine ? `Open tasks for ${personName(viewer.person)}` : `Open tasks: ${roles.join(', ')}`;
  const heading = { title, subtitle: customer(engagement.customerName) };
  return taskListView(heading, [engagement], () => roles, viewer, { list: 'channel', args });
}
