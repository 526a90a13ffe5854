import { mayChangeTask, peopleInRole } from '../../domain/people';
import type { EngagementTask, Engagement } from '../../domain/types';
import type { TaskListCardData, TaskListRow } from './cardTypes';
import { type Viewer, customer, due, mayPress, names, plural, STATUS_SYMBOL, STATUS_TEXT } from './format';

/** Which list a row belongs to, so that a click on it answers with the same list, current. */
export type TaskListKind = { list: 'mine' } | { list: 'channel'; args: string };

/** Rows per card, so that it stays well under Teams' 40 KB with buttons on every row. */
export const TASK_LIST_LIMIT = 38;

const isOpen = (t: EngagementTask): boolean => !t.retired && (t.status === 'notStarted' || t.status === 'inProgress');

function row(engagement: Engagement, t: EngagementTask, viewer: Viewer, kind: TaskListKind): TaskListRow {
  const mayChange = mayPress(viewer, (person) => mayChangeTask(engagement, person, t.role));
  return {
    id: t.id,
    name: t.name,
    // Worded as the workshop cards word a task.
    status: `${STATUS_SYMBOL[t.status]} ${STATUS_TEXT[t.status]}${t.mandatory ? '' : ' · Optional'}`,
    role: `${t.role}: ${names(peopleInRole(engagement, t.role))}`,
    due: due(engagement.workshops.find((w) => w.name === t.workshop)?.targetDate),
    canStart: mayChange && t.status === 'notStarted',
    canComplete: mayChange,
    // The filled button is the next step: Start on a task not started, Complete on one in progress.
    startStyle: 'positive',
    completeStyle: t.status === 'notStarted' ? 'default' : 'positive',
    data: { engagementId: engagement.id, taskId: t.id, ...kind },
  };
}

/** The rows a list shows at once; the others open from a toggle, so the card fits a screen. */
export const TASK_ROWS_SHOWN = 4;

type Group = TaskListCardData['groups'][number];

/** The first `count` rows and the rest, each under its group's heading (a group cut in two has it twice). */
function splitRows(groups: Group[], count: number): [Group[], Group[]] {
  const first: Group[] = [];
  const rest: Group[] = [];
  let left = count;
  for (const group of groups) {
    const taken = group.tasks.slice(0, Math.max(0, left));
    left -= taken.length;
    if (taken.length) first.push({ ...group, tasks: taken });
    if (taken.length < group.tasks.length) rest.push({ ...group, tasks: group.tasks.slice(taken.length) });
  }
  return [first, rest];
}

/**
 * Open tasks of the given roles, grouped per engagement (for "my tasks") or per workshop, with Start and
 * Complete on the rows `viewer` may change: the same verbs' rules as the workshop cards.
 */
export function taskListView(
  heading: { title: string; subtitle: string; notice?: string },
  engagements: Engagement[],
  roles: (e: Engagement) => string[],
  viewer: Viewer,
  kind: TaskListKind,
): TaskListCardData {
  const budget = { left: TASK_LIST_LIMIT };
  let hidden = 0;
  const rows = (engagement: Engagement, tasks: EngagementTask[]) => {
    const shown = tasks.slice(0, Math.max(0, budget.left));
    budget.left -= shown.length;
    hidden += tasks.length - shown.length;
    return shown.map((t) => row(engagement, t, viewer, kind));
  };
  const groups = engagements.flatMap((e) => {
    const open = e.tasks.filter((t) => isOpen(t) && roles(e).includes(t.role));
    if (kind.list === 'mine') return open.length ? [{ heading: customer(e.customerName), tasks: rows(e, open) }] : [];
    const workshops = [...new Set(open.map((t) => t.workshop))];
    return workshops.map((w) => ({
      heading: w,
      tasks: rows(
        e,
        open.filter((t) => t.workshop === w),
      ),
    }));
  });
  const shownGroups = groups.filter((g) => g.tasks.length > 0);
  const [first, rest] = splitRows(shownGroups, TASK_ROWS_SHOWN);
  const restCount = rest.reduce((n, g) => n + g.tasks.length, 0);
  return {
    ...heading,
    notice: heading.notice ?? '',
    groups: first,
    moreGroups: rest,
    moreLabel: restCount ? `Show ${plural(restCount, 'more task')}` : '',
    moreId: `tasks-more-${kind.list}`,
    more: hidden > 0 ? `…and ${plural(hidden, 'more open task')}.` : '',
    empty: shownGroups.length ? '' : 'No open tasks. 🎉',
  };
}
