import { personKey, rolesOf } from '../../domain/people';
import type { Engagement, Person } from '../../domain/types';
import { TASK_LIST_PREFIX } from '../views/cardKeys';
import type { TaskListCardData } from '../views/cardTypes';
import type { BotDeps } from '../deps';
import type { PersonalViewer } from '../views/format';
import { customer, personName } from '../views/format';
import { taskListView } from '../views/taskList';

/** `my tasks`: the person's open tasks across every engagement they hold a role in. */
export async function myTaskList(deps: BotDeps, viewer: PersonalViewer, notice = '') {
  const engagements = await deps.store.listByMember(personKey(viewer.person));
  const heading = { title: 'Your open tasks', subtitle: 'Across all engagements', notice };
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
  notice = '',
): TaskListCardData | string {
  const mine = args === 'mine';
  const roles = mine ? rolesOf(engagement, viewer.person) : rolesAsked(engagement, args);
  if (!roles.length) {
    const known = [...new Set(engagement.tasks.map((t) => t.role.toLowerCase()))].join(', ');
    return mine ? 'You hold no role in this engagement.' : `No role "${args}" here. Try one of: ${known}.`;
  }
  const title = mine ? `Open tasks for ${personName(viewer.person)}` : `Open tasks: ${roles.join(', ')}`;
  const heading = { title, subtitle: customer(engagement.customerName), notice };
  return taskListView(heading, [engagement], () => roles, viewer, { list: 'channel', args });
}

const MINE = 'mine:';

/** The key a posted channel list is kept current under: one per words asked, and one `tasks mine` per person. */
export const channelTaskListKey = (args: string, person: Person): string =>
  args === 'mine' ? `${TASK_LIST_PREFIX}${MINE}${personKey(person)}` : `${TASK_LIST_PREFIX}${args}`;

/** The words a kept list was asked for with. */
export function argsOfTaskListKey(key: string): string {
  const words = key.slice(TASK_LIST_PREFIX.length);
  return words.startsWith(MINE) ? 'mine' : words;
}
