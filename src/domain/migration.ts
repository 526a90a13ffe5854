import type { Playbook } from '../playbook/types';
import { withEvents } from './audit';
import { ForbiddenActorError, StateError } from './errors';
import { holdsRole, MANAGER_ROLE } from './people';
import type { PlaybookDiff } from './playbookDiff';
import { inScope, outOfLicensing } from './scope';
import type { Engagement, EngagementTask, Person } from './types';

/** A short account of the change, for the audit trail's one event. */
export function diffSummary(diff: PlaybookDiff): string {
  const parts = [
    diff.tasksAdded.length && `added ${diff.tasksAdded.map((t) => t.id).join(', ')}`,
    diff.tasksRemoved.length && `retired ${diff.tasksRemoved.map((t) => t.id).join(', ')}`,
    diff.tasksRenamed.length && `renamed ${diff.tasksRenamed.map((t) => t.id).join(', ')}`,
    diff.tasksChanged.length && `changed ${diff.tasksChanged.map((t) => t.id).join(', ')}`,
    diff.workshopsRenamed.length && `renamed ${diff.workshopsRenamed.map((w) => `${w.from} to ${w.to}`).join(', ')}`,
    diff.workshopsAdded.length && `new workshops ${diff.workshopsAdded.join(', ')}`,
  ].filter((p): p is string => Boolean(p));
  return parts.length ? `${parts.join('; ')}.` : 'Nothing this engagement shows changed.';
}

/**
 * Moves an engagement to a newer version of its playbook, in one change with one event: added tasks arrive
 * not started (not applicable when out of the customer's licensing); a renamed task keeps its status and
 * history; a removed task is retired; every task takes the new version's mandatory flag, role, services
 * and workshop, so a task that became mandatory enters reminders from now on. Key Outputs answers stay with
 * their areas, and a sign-off given before stays, marked with the version it was given on. Only the
 * FastTrack Manager applies it, and never to a complete engagement.
 */
export function migrateEngagement(
  engagement: Engagement,
  to: Playbook,
  diff: PlaybookDiff,
  actor: Person,
  now: Date,
): Engagement {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  if (engagement.completion) throw new StateError('This engagement is complete: it stays on the playbook it ran on.');
  if (engagement.playbookVersion === to.version) throw new StateError('This engagement already runs on that version.');
  if (diff.from !== engagement.playbookVersion || diff.to !== to.version)
    throw new StateError('The playbook changed again since this was shown: review the newest changes.');
  const at = now.toISOString();
  const renamed = new Map(diff.workshopsRenamed.map((w) => [w.from, w.to]));
  const existing = new Map(engagement.tasks.map((t) => [t.id, t]));
  const next = to.workshops.flatMap((w) => w.tasks);
  const tasks: EngagementTask[] = next.map((t) => {
    const kept = existing.get(t.id);
    const fromPlaybook = {
      name: t.name,
      workshop: t.workshop,
      mandatory: t.mandatory,
      role: t.role,
      services: [...t.services],
    };
    if (kept && !kept.retired) return { ...kept, ...fromPlaybook };
    const added = { ...fromPlaybook, id: t.id, status: 'notStarted' as const };
    return inScope(t, engagement.servicesInScope) ? added : outOfLicensing(added);
  });
  const retired = engagement.tasks
    .filter((t) => !next.some((n) => n.id === t.id))
    .map((t) => ({ ...t, retired: true }));
  const signedOff = engagement.outputs?.signedOff;
  const outputs = engagement.outputs && {
    ...engagement.outputs,
    ...(signedOff && {
      signedOff: { ...signedOff, playbookVersion: signedOff.playbookVersion ?? engagement.playbookVersion },
    }),
  };
  const { playbookUpdate: _offered, ...rest } = engagement;
  const migrated: Engagement = {
    ...rest,
    playbookVersion: to.version,
    tasks: [...tasks, ...retired],
    workshops: engagement.workshops.map((w) => ({ ...w, name: renamed.get(w.name) ?? w.name })),
    ...(outputs && { outputs }),
  };
  const event = {
    at,
    actor,
    action: 'playbookMigrated' as const,
    subject: to.title,
    before: engagement.playbookVersion,
    after: to.version,
    note: diffSummary(diff),
  };
  return withEvents(migrated, [event]);
}
