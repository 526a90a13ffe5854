import type { FtopTask, Playbook } from '../playbook/types';
import type { Engagement, EngagementTask } from './types';
import { inScope } from './scope';

export interface AddedTask {
  id: string;
  name: string;
  workshop: string;
  mandatory: boolean;
  role: string;
  /** None of its services is in the customer's licensing: it arrives not applicable. */
  outOfScope: boolean;
}

export interface ChangedTask {
  id: string;
  name: string;
  /** What changed, as a person reads it: "now mandatory", "role SME → FastTrack Manager". */
  changes: string[];
}

export interface ListChange {
  added: string[];
  removed: string[];
}

/** What moving one engagement to a newer version of its playbook changes for it. */
export interface PlaybookDiff {
  playbookId: string;
  from: string;
  to: string;
  tasksAdded: AddedTask[];
  /** Tasks the new version no longer has: they are retired, with their state and history. */
  tasksRemoved: { id: string; name: string }[];
  tasksRenamed: { id: string; from: string; to: string }[];
  tasksChanged: ChangedTask[];
  workshopsAdded: string[];
  workshopsRenamed: { from: string; to: string }[];
  workshopsRemoved: string[];
  keyInputs: ListChange;
  keyOutputs: ListChange;
  nextSteps: ListChange;
}

const listChange = (before: readonly string[], after: readonly string[]): ListChange => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

/** The engagement's workshops in the new version's words: an old name whose tasks moved under a new one is renamed. */
function workshopRenames(engagement: Engagement, to: Playbook): Map<string, string> {
  const newNames = new Set(to.workshops.map((w) => w.name));
  const renames = new Map<string, string>();
  for (const old of new Set(engagement.tasks.map((t) => t.workshop))) {
    if (newNames.has(old)) continue;
    const ids = new Set(engagement.tasks.filter((t) => t.workshop === old).map((t) => t.id));
    const heir = to.workshops.find((w) => !renames.has(w.name) && w.tasks.some((t) => ids.has(t.id)));
    if (heir && ![...renames.values()].includes(heir.name)) renames.set(old, heir.name);
  }
  return renames;
}

function taskChanges(task: EngagementTask, next: FtopTask, renames: Map<string, string>): string[] {
  const changes: string[] = [];
  if (task.mandatory !== next.mandatory) changes.push(next.mandatory ? 'now mandatory' : 'now optional');
  if (task.role !== next.role) changes.push(`role ${task.role} → ${next.role}`);
  if (task.services.join(', ') !== next.services.join(', '))
    changes.push(`services ${task.services.join(', ')} → ${next.services.join(', ')}`);
  const workshop = renames.get(task.workshop) ?? task.workshop;
  if (workshop !== next.workshop) changes.push(`moved to ${next.workshop}`);
  return changes;
}

/**
 * The difference between the playbook an engagement runs on and a newer version, for this engagement: its
 * own tasks (which setup copied from its version) against the new version's, and, when the bot kept the
 * engagement's version, the Key Inputs, Key Outputs and Next Steps. Pure.
 */
export function playbookDiff(engagement: Engagement, from: Playbook | undefined, to: Playbook): PlaybookDiff {
  const renames = workshopRenames(engagement, to);
  const nextTasks = to.workshops.flatMap((w) => w.tasks);
  const current = new Map(engagement.tasks.filter((t) => !t.retired).map((t) => [t.id, t]));
  const had = new Set(engagement.tasks.map((t) => t.workshop).map((w) => renames.get(w) ?? w));
  const scope = engagement.servicesInScope;
  return {
    playbookId: to.id,
    from: engagement.playbookVersion,
    to: to.version,
    tasksAdded: nextTasks
      .filter((t) => !engagement.tasks.some((e) => e.id === t.id && !e.retired))
      .map((t) => ({
        id: t.id,
        name: t.name,
        workshop: t.workshop,
        mandatory: t.mandatory,
        role: t.role,
        outOfScope: !inScope(t, scope),
      })),
    tasksRemoved: [...current.values()]
      .filter((t) => !nextTasks.some((n) => n.id === t.id))
      .map((t) => ({ id: t.id, name: t.name })),
    tasksRenamed: nextTasks.flatMap((n) => {
      const task = current.get(n.id);
      return task && task.name !== n.name ? [{ id: n.id, from: task.name, to: n.name }] : [];
    }),
    tasksChanged: nextTasks.flatMap((n) => {
      const task = current.get(n.id);
      const changes = task ? taskChanges(task, n, renames) : [];
      return changes.length ? [{ id: n.id, name: n.name, changes }] : [];
    }),
    workshopsAdded: to.workshops.map((w) => w.name).filter((name) => !had.has(name)),
    workshopsRenamed: [...renames].map(([old, renamed]) => ({ from: old, to: renamed })),
    workshopsRemoved: [...new Set(engagement.tasks.map((t) => t.workshop))].filter(
      (w) => !renames.has(w) && !to.workshops.some((n) => n.name === w),
    ),
    keyInputs: listChange(from?.keyInputs ?? to.keyInputs, to.keyInputs),
    keyOutputs: listChange(from?.keyOutputs ?? to.keyOutputs, to.keyOutputs),
    nextSteps: listChange(
      (from?.nextSteps ?? to.nextSteps).map((s) => s.text),
      to.nextSteps.map((s) => s.text),
    ),
  };
}

/** Whether the new version changes nothing this engagement shows. */
export function isEmptyDiff(diff: PlaybookDiff): boolean {
  const lists = [diff.keyInputs, diff.keyOutputs, diff.nextSteps].flatMap((l) => [...l.added, ...l.removed]);
  return (
    diff.tasksAdded.length + diff.tasksRemoved.length + diff.tasksRenamed.length + diff.tasksChanged.length === 0 &&
    diff.workshopsAdded.length + diff.workshopsRenamed.length + diff.workshopsRemoved.length + lists.length === 0
  );
}
