import {
  addDays,
  businessDaysBetween,
  isBusinessDay,
  isFirstBusinessDayOfWeek,
  localDate,
  zonedInstant,
} from './calendar';
import { MANAGER_ROLE, peopleInRole, personKey, rolesOf } from './people';
import type { Engagement, EngagementTask, Person } from './types';

export interface ReminderPolicy {
  /** A task is due soon within this many business days of its workshop's target date. */
  leadDays: number;
  /** A task overdue by this many business days or more is escalated to the FastTrack Manager. */
  escalateAfterDays: number;
  /** The hour of the day, in the recipient's time zone, at which digests go out. */
  hour: number;
}

export interface Snooze {
  engagementId: string;
  taskId: string;
  /** ISO instant until which the task stays out of this person's digests. */
  until: string;
}

export type DigestState = 'overdue' | 'dueSoon' | 'open';

export interface DigestItem {
  engagementId: string;
  taskId: string;
  taskName: string;
  workshop: string;
  role: string;
  state: DigestState;
  /** YYYY-MM-DD, when the workshop has a target date. */
  due?: string;
  /** Business days past the due date, for overdue tasks. */
  overdueDays?: number;
  status: EngagementTask['status'];
}

export interface Escalation extends DigestItem {
  owners: string[];
}

export interface DigestSection {
  engagementId: string;
  customerName: string;
  items: DigestItem[];
  escalations: Escalation[];
  unassignedRoles: string[];
  unreachable: string[];
}

export type DigestKind = 'daily' | 'weekly' | 'now';

export interface Digest {
  recipient: Person;
  /** The recipient's calendar date the digest is for. */
  date: string;
  kind: DigestKind;
  sections: DigestSection[];
}

/** Mandatory, in scope, still in the playbook, and neither done nor not applicable. */
export const isOutstanding = (task: EngagementTask): boolean =>
  task.mandatory && !task.outOfScope && !task.retired && task.status !== 'done' && task.status !== 'notApplicable';

function itemFor(engagement: Engagement, task: EngagementTask, today: string, policy: ReminderPolicy): DigestItem {
  const due = engagement.workshops.find((w) => w.name === task.workshop)?.targetDate;
  const base = {
    engagementId: engagement.id,
    taskId: task.id,
    taskName: task.name,
    workshop: task.workshop,
    role: task.role,
    status: task.status,
    ...(due && { due }),
  };
  if (due && today > due) return { ...base, state: 'overdue', overdueDays: businessDaysBetween(due, today) };
  if (due && businessDaysBetween(today, due) <= policy.leadDays) return { ...base, state: 'dueSoon' };
  return { ...base, state: 'open' };
}

const ORDER: Record<DigestState, number> = { overdue: 0, dueSoon: 1, open: 2 };
const byUrgency = (a: DigestItem, b: DigestItem): number =>
  ORDER[a.state] - ORDER[b.state] ||
  (b.overdueDays ?? 0) - (a.overdueDays ?? 0) ||
  (a.due ?? '~').localeCompare(b.due ?? '~');

/** On a weekday: the first business day of the week lists everything outstanding, other days what is due. */
export function digestKindOn(date: string): DigestKind | undefined {
  if (!isBusinessDay(date)) return undefined;
  return isFirstBusinessDayOfWeek(date) ? 'weekly' : 'daily';
}

export interface DigestInput {
  recipient: Person;
  engagements: Engagement[];
  today: string;
  kind: DigestKind;
  now: Date;
  snoozes: Snooze[];
  /** Keys and names of people who cannot be reached, for the managers' digests. */
  unreachable: Map<string, string>;
}

/**
 * One person's digest: the outstanding mandatory tasks of the roles they hold, grouped by customer,
 * overdue first; and, in engagements they manage, what is escalated, which roles nobody holds and who
 * cannot be reached. Undefined when there is nothing to say.
 */
export function digestFor(input: DigestInput, policy: ReminderPolicy): Digest | undefined {
  const { recipient, today, kind, now } = input;
  const snoozed = (e: Engagement, t: EngagementTask) =>
    input.snoozes.some((s) => s.engagementId === e.id && s.taskId === t.id && Date.parse(s.until) > now.getTime());
  // A complete engagement (its Next Step chosen) has nothing left to remind anyone of.
  const open = input.engagements.filter((e) => !e.completion);
  const sections = open.flatMap((engagement): DigestSection[] => {
    const roles = rolesOf(engagement, recipient);
    const outstanding = engagement.tasks.filter(isOutstanding);
    const items = outstanding
      .filter((t) => roles.includes(t.role) && !snoozed(engagement, t))
      .map((t) => itemFor(engagement, t, today, policy))
      .filter((i) => kind !== 'daily' || i.state !== 'open')
      .sort(byUrgency);
    const manages = roles.includes(MANAGER_ROLE);
    const escalations = manages
      ? outstanding
          .map((t) => itemFor(engagement, t, today, policy))
          .filter((i) => (i.overdueDays ?? 0) >= policy.escalateAfterDays)
          .map((i) => ({ ...i, owners: peopleInRole(engagement, i.role).map((p) => p.name) }))
          .sort(byUrgency)
      : [];
    const unassignedRoles = manages
      ? [...new Set(outstanding.map((t) => t.role))].filter((r) => peopleInRole(engagement, r).length === 0)
      : [];
    const unreachable = manages
      ? engagement.roles
          .flatMap((r) => r.people)
          .filter((p, i, all) => all.findIndex((q) => personKey(q) === personKey(p)) === i)
          .filter((p) => input.unreachable.has(personKey(p)))
          .map((p) => p.name)
      : [];
    const empty = items.length + escalations.length + unassignedRoles.length + unreachable.length === 0;
    return empty
      ? []
      : [
          {
            engagementId: engagement.id,
            customerName: engagement.customerName,
            items,
            escalations,
            unassignedRoles,
            unreachable,
          },
        ];
  });
  return sections.length > 0 ? { recipient, date: today, kind, sections } : undefined;
}

/** When the next scheduled digest is due for someone in `zone`: the next business day's `hour` after `now`. */
export function nextDigestAt(now: Date, zone: string, policy: ReminderPolicy): Date {
  let date = localDate(now, zone);
  for (;;) {
    const at = zonedInstant(date, policy.hour, zone);
    if (isBusinessDay(date) && at.getTime() > now.getTime()) return at;
    date = addDays(date, 1);
  }
}
