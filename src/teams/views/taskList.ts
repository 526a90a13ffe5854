import type { EngagementTask, Engagement } from '../../domain/types';
import type { TaskListCardData } from '../cardTypes';
import { STATUS_TEXT } from '../userMessages';
import { due } from './format';

const isOpen = (t: EngagementTask): boolean => t.status === 'notStarted' || t.status === 'inProgress';

function rows(engagement: Engagement, tasks: EngagementTask[]) {
  return tasks.map((t) => ({
    id: t.id,
    name: t.name,
    status: `${STATUS_TEXT[t.status]}${t.mandatory ? '' : ' (optional)'}`,
    role: t.role,
    due: due(engagement.workshops.find((w) => w.name === t.workshop)?.targetDate),
  }));
}

/** Open tasks of the given roles, grouped per engagement (for "my tasks") or per workshop. */
export function taskListView(
  title: string,
  subtitle: string,
  engagements: Engagement[],
  roles: (e: Engagement) => string[],
  groupByCustomer: boolean,
): TaskListCardData {
  const groups = engagements.flatMap((e) => {
    const open = e.tasks.filter((t) => isOpen(t) && roles(e).includes(t.role));
    if (groupByCustomer) return open.length ? [{ heading: e.customerName, tasks: rows(e, open) }] : [];
    const workshops = [...new Set(open.map((t) => t.workshop))];
    return workshops.map((w) => ({
      heading: w,
      tasks: rows(
        e,
        open.filter((t) => t.workshop === w),
      ),
    }));
  });
  return { title, subtitle, groups, empty: groups.length ? '' : 'No open tasks. 🎉' };
}
