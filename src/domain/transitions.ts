import { ForbiddenActorError, InvalidInputError, InvalidTransitionError, UnknownTaskError } from './errors';
import { MANAGER_ROLE, mayChangeTask } from './people';
import type { AuditEvent, Engagement, Person, TaskAction, TaskStatus } from './types';

export const LIMITS = { reason: 500, note: 1000 } as const;

const MOVES: Record<TaskAction, { from: readonly TaskStatus[]; to: TaskStatus }> = {
  start: { from: ['notStarted'], to: 'inProgress' },
  complete: { from: ['notStarted', 'inProgress'], to: 'done' },
  notApplicable: { from: ['notStarted', 'inProgress'], to: 'notApplicable' },
  reopen: { from: ['done', 'notApplicable'], to: 'inProgress' },
};

export interface TaskChange {
  taskId: string;
  action: TaskAction;
  actor: Person;
  reason?: string;
  note?: string;
}

function checkedText(field: keyof typeof LIMITS, value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.length > LIMITS[field]) {
    throw new InvalidInputError(field, `is ${text.length} characters; the limit is ${LIMITS[field]}`);
  }
  return text;
}

export function allowedActions(status: TaskStatus): TaskAction[] {
  return (Object.keys(MOVES) as TaskAction[]).filter((action) => MOVES[action].from.includes(status));
}

/** Applies one task change; returns the new engagement and its audit event. Pure. */
export function changeTaskStatus(
  engagement: Engagement,
  change: TaskChange,
  now: Date,
): { engagement: Engagement; event: AuditEvent } {
  const task = engagement.tasks.find((t) => t.id === change.taskId);
  if (!task) throw new UnknownTaskError(change.taskId);
  if (!mayChangeTask(engagement, change.actor, task.role)) {
    throw new ForbiddenActorError(change.actor.id, [...new Set([task.role, MANAGER_ROLE])]);
  }
  const move = MOVES[change.action];
  if (!move.from.includes(task.status)) throw new InvalidTransitionError(task.id, change.action, task.status);
  const reason = checkedText('reason', change.reason);
  const note = checkedText('note', change.note);
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
    after: move.to,
    ...(reason && { reason }),
    ...(note && { note }),
  };
  const updated = {
    ...task,
    status: move.to,
    changedBy: change.actor,
    changedAt: at,
    reason: move.to === 'notApplicable' ? reason : undefined,
    note: note ?? task.note,
  };
  return {
    engagement: {
      ...engagement,
      tasks: engagement.tasks.map((t) => (t.id === task.id ? updated : t)),
      audit: [...engagement.audit, event],
    },
    event,
  };
}
