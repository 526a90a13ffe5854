import { addDays, businessDaysBetween, weekday } from './calendar';
import { keyInputStates } from './keyInputs';
import { outputAnswers } from './outputs';
import { MANAGER_ROLE, peopleInRole, rolesOf } from './people';
import { mandatoryProgress } from './progress';
import { isOutstanding } from './reminders';
import type { Engagement, Person } from './types';

export type WorkshopState = 'done' | 'overdue' | 'dueSoon' | 'onTrack' | 'noDate';

export interface WorkshopProgress {
  name: string;
  done: number;
  total: number;
  /** YYYY-MM-DD */
  targetDate?: string;
  state: WorkshopState;
}

export interface OverdueTask {
  taskId: string;
  name: string;
  workshop: string;
  /** YYYY-MM-DD the workshop was due. */
  due: string;
  overdueDays: number;
  owners: string[];
}

export interface PortfolioRow {
  engagementId: string;
  customerName: string;
  /** Where the engagement's channel is, for a deep link. */
  tenantId: string;
  teamGroupId?: string;
  channelId: string;
  /** The viewer's roles in it. */
  roles: string[];
  manages: boolean;
  workshops: WorkshopProgress[];
  overdue: OverdueTask[];
  /** The earliest target date of a workshop with mandatory work still open (YYYY-MM-DD). */
  nextDue?: string;
  keyInputs: { confirmed: number; total: number; state: 'confirmed' | 'overridden' | 'open' };
  keyOutputs: { answered: number; total: number; signedOff: boolean };
  /** Set once the FastTrack Manager chose the Next Step. */
  completion?: { nextStep: string; at: string };
}

/** A workshop's target date within this many business days is due soon. */
const DUE_SOON_DAYS = 5;

function workshopState(done: number, total: number, today: string, targetDate?: string): WorkshopState {
  if (done === total) return 'done';
  if (!targetDate) return 'noDate';
  if (today > targetDate) return 'overdue';
  return businessDaysBetween(today, targetDate) <= DUE_SOON_DAYS ? 'dueSoon' : 'onTrack';
}

function overdueTasks(engagement: Engagement, today: string): OverdueTask[] {
  const due = new Map(engagement.workshops.map((w) => [w.name, w.targetDate]));
  return engagement.tasks
    .filter(isOutstanding)
    .flatMap((task) => {
      const date = due.get(task.workshop);
      if (!date || today <= date) return [];
      const owners = peopleInRole(engagement, task.role).map((p) => p.name);
      const days = businessDaysBetween(date, today);
      return [{ taskId: task.id, name: task.name, workshop: task.workshop, due: date, overdueDays: days, owners }];
    })
    .sort((a, b) => b.overdueDays - a.overdueDays);
}

/** One engagement as its portfolio row shows it to `viewer` on `today` (YYYY-MM-DD). */
export function portfolioRow(
  engagement: Engagement,
  keyInputs: readonly string[],
  viewer: Person,
  today: string,
): PortfolioRow {
  const roles = rolesOf(engagement, viewer);
  const workshops = [...new Set(engagement.tasks.map((t) => t.workshop))].map((name) => {
    const { done, total } = mandatoryProgress(engagement.tasks.filter((t) => t.workshop === name));
    const targetDate = engagement.workshops.find((w) => w.name === name)?.targetDate;
    return {
      name,
      done,
      total,
      ...(targetDate && { targetDate }),
      state: workshopState(done, total, today, targetDate),
    };
  });
  const open = workshops.filter((w) => w.state !== 'done' && w.targetDate).map((w) => w.targetDate!);
  const inputs = keyInputStates(engagement, keyInputs);
  const confirmed = inputs.filter((i) => i.confirmed).length;
  const answers = outputAnswers(engagement);
  return {
    engagementId: engagement.id,
    customerName: engagement.customerName,
    tenantId: engagement.tenantId,
    ...(engagement.teamGroupId && { teamGroupId: engagement.teamGroupId }),
    channelId: engagement.channelId,
    roles,
    manages: roles.includes(MANAGER_ROLE),
    workshops,
    overdue: overdueTasks(engagement, today),
    ...(open.length > 0 && { nextDue: open.sort()[0] }),
    keyInputs: {
      confirmed,
      total: inputs.length,
      state: confirmed === inputs.length ? 'confirmed' : engagement.keyInputs?.override ? 'overridden' : 'open',
    },
    keyOutputs: {
      answered: answers.filter((a) => a.answer).length,
      total: answers.length,
      signedOff: Boolean(engagement.outputs?.signedOff),
    },
    ...(engagement.completion && {
      completion: { nextStep: engagement.completion.nextStep, at: engagement.completion.at },
    }),
  };
}

/** Engagements the viewer manages first, then the rest; within each, the most overdue first. */
export function byRisk(a: PortfolioRow, b: PortfolioRow): number {
  return (
    Number(b.manages) - Number(a.manages) ||
    Number(Boolean(a.completion)) - Number(Boolean(b.completion)) ||
    b.overdue.length - a.overdue.length ||
    (a.nextDue ?? '~').localeCompare(b.nextDue ?? '~') ||
    a.customerName.localeCompare(b.customerName)
  );
}

/** The Monday (YYYY-MM-DD) of the week of `date`. */
export const weekOf = (date: string): string => addDays(date, -((weekday(date) + 6) % 7));

export interface WeeklyDone {
  /** The Monday the week starts on. */
  week: string;
  done: number;
}

/**
 * Mandatory tasks done in each of the `weeks` weeks up to `today`, across the engagements: each done task
 * counts in the week of its last change, which is its completion (a task reopened since is no longer done,
 * so it counts nowhere). Then how many mandatory tasks are still open in the engagements not yet complete.
 */
export function doneByWeek(
  engagements: Engagement[],
  today: string,
  weeks = 8,
): { weeks: WeeklyDone[]; stillOpen: number } {
  const last = weekOf(today);
  const series = Array.from({ length: weeks }, (_, i) => ({ week: addDays(last, -7 * (weeks - 1 - i)), done: 0 }));
  let stillOpen = 0;
  for (const engagement of engagements) {
    if (!engagement.completion) stillOpen += engagement.tasks.filter(isOutstanding).length;
  }
  for (const task of engagements.flatMap((e) => e.tasks)) {
    if (!task.mandatory || task.status !== 'done' || !task.changedAt) continue;
    const slot = series.find((s) => s.week === weekOf(task.changedAt!.slice(0, 10)));
    if (slot) slot.done++;
  }
  return { weeks: series, stillOpen };
}
