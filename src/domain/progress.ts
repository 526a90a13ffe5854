import type { Engagement, EngagementTask } from './types';

export interface Progress {
  done: number;
  total: number;
  outstanding: EngagementTask[];
}

/** Mandatory progress: not-applicable and retired tasks neither count toward the total nor stay outstanding. */
export function mandatoryProgress(tasks: EngagementTask[]): Progress {
  const counted = tasks.filter((t) => t.mandatory && t.status !== 'notApplicable' && !t.retired);
  return {
    done: counted.filter((t) => t.status === 'done').length,
    total: counted.length,
    outstanding: counted.filter((t) => t.status !== 'done'),
  };
}

function groupedBy(engagement: Engagement, key: (t: EngagementTask) => string): Map<string, Progress> {
  const groups = new Map<string, EngagementTask[]>();
  for (const task of engagement.tasks) groups.set(key(task), [...(groups.get(key(task)) ?? []), task]);
  return new Map([...groups].map(([name, tasks]) => [name, mandatoryProgress(tasks)]));
}

export const progressByWorkshop = (engagement: Engagement): Map<string, Progress> =>
  groupedBy(engagement, (t) => t.workshop);

export const progressByRole = (engagement: Engagement): Map<string, Progress> => groupedBy(engagement, (t) => t.role);
