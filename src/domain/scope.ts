import type { AuditEvent, EngagementTask, Person } from './types';

export const LICENSING_REASON = "Not in the customer's licensing";

/** Whether any of a task's services is among the customer's. */
export const inScope = (task: { services: readonly string[] }, services: readonly string[]): boolean =>
  task.services.some((s) => services.includes(s));

/** A task made not applicable because none of its services is in the customer's licensing. */
export const outOfLicensing = <T extends object>(task: T) => ({
  ...task,
  status: 'notApplicable' as const,
  outOfScope: true,
  reason: LICENSING_REASON,
});

/**
 * Re-applies the customer's services to the tasks whose scope changed: a task none of whose services
 * is in scope becomes not applicable (if it had not started); one that comes back into scope reopens.
 * Tasks whose scope did not change keep what staff chose for them.
 */
export function applyScope(
  tasks: EngagementTask[],
  before: readonly string[] | undefined,
  after: readonly string[],
  actor: Person,
  at: string,
): { tasks: EngagementTask[]; events: AuditEvent[] } {
  const events: AuditEvent[] = [];
  const next = tasks.map((task) => {
    const was = before === undefined ? true : inScope(task, before);
    const is = inScope(task, after);
    if (was && !is && task.status === 'notStarted') {
      events.push({ at, actor, taskId: task.id, action: 'outOfScope', before: task.status, after: 'notApplicable' });
      return outOfLicensing(task);
    }
    if (!was && is && task.outOfScope) {
      events.push({ at, actor, taskId: task.id, action: 'intoScope', before: task.status, after: 'notStarted' });
      return { ...task, status: 'notStarted' as const, outOfScope: undefined, reason: undefined };
    }
    return task;
  });
  return { tasks: next, events };
}
