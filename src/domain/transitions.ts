import { StateError, ForbiddenActorError, InvalidInputError, InvalidTransitionError, UnknownTaskError } from './errors';
import { withEvents } from './audit';
import { MANAGER_ROLE, mayChangeTask } from './people';
import { checkedText } from './text';
import { TASK_ACTIONS, type AuditEvent, type Engagement, type Person, type TaskAction, type TaskStatus } from './types';

export const LIMITS = { reason: 500, note: 1000 } as const;

/** For each action, the statuses it applies to and where each one goes. */
const MOVES: Record<TaskAction, Partial<Record<TaskStatus, TaskStatus>>> = {
  start: { notStarted: 'inProgress' },
  complete: { notStarted: 'done', inProgress: 'done' },
  notApplicable: { notStarted: 'notApplicable', inProgress: 'notApplicable' },
  reopen: { done: 'inProgress', notApplicable: 'notStarted' },
};

export interface TaskChange {
  taskId: string;
  action: TaskAction;
  actor: Person;
  reason?: string;
  note?: string;
}

export function allowedActions(status: TaskStatus): TaskAction[] {
  return TASK_ACTIONS.filter((action) => MOVES[action][status] !== undefined);
}

/** Applies one task change; returns the new engagement and its audit event. Pure. */
export function changeTaskStatus(
  engagement: Engagement,
  change: TaskChange,
  now: Date,
): { engagement: Engagement; event: AuditEvent } {
  const task = engagement.tasks.find((t) => t.id === change.taskId);
  if (!task) throw new UnknownTaskError(change.taskId);
  if (task.retired) throw new StateError(`Task ${task.id} is no longer in the playbook; it keeps the state it had.`);
  if (!mayChangeTask(engagement, change.actor, task.role)) {
    throw new ForbiddenActorError(change.actor.id, [...new Set([task.role, MANAGER_ROLE])]);
  }
  const to = MOVES[change.action][task.status];
  if (!to) throw new InvalidTransitionError(task.id, change.action, task.status);
  const reason = checkedText('reason', change.reason, LIMITS.reason);
  const note = checkedText('note', change.note, LIMITS.note);
  if (change.action === 'notApplicable' && !reason) {
    throw new InvalidInputError('reason', 'is required to mark a task not applicable');
  }
  const at = now.toISOString();
  const event: AuditEvent = {
    at,
    actor: change.actor,
    taskId: task.id,
    action: change.action,
    before: task.status,
    after: to,
    ...(reason && { reason }),
    ...(note && { note }),
  };
  const updated = {
    ...task,
    status: to,
    changedBy: change.actor,
    changedAt: at,
    reason: to === 'notApplicable' ? reason : undefined,
    outOfScope: undefined,
    note: note ?? task.note,
  };
  const changed = withEvents({ ...engagement, tasks: engagement.tasks.map((t) => (t.id === task.id ? updated : t)) }, [
    event,
  ]);
  return { engagement: changed, event: changed.audit.at(-1) ?? event };
}
