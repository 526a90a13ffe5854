import type { TaskStatus } from './types';

/** The mark before a task's status, the same on every card and page. */
export const STATUS_SYMBOL: Record<TaskStatus, string> = {
  notStarted: '○',
  inProgress: '◐',
  done: '✔',
  notApplicable: '—',
};

/** A task's status as every card, message and page names it. */
export const STATUS_TEXT: Record<TaskStatus, string> = {
  notStarted: 'Not started',
  inProgress: 'In progress',
  done: 'Done',
  notApplicable: 'Not applicable',
};
