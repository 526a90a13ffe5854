import type { AuditEvent, Engagement, TaskStatus } from '../../domain/types';
import type { HistoryCardData, HistoryLine } from './cardTypes';
import { customer, day, dayAndTime, personName, plural, readerZone, shown, STATUS_TEXT } from './format';

/** What each change did, around its subject: "started task 2460 (Name)", "took task 4078 (Name) out of scope". */
const WHAT: Record<AuditEvent['action'], (subject: string) => string> = {
  setUp: (s) => `set up the engagement for ${s}`,
  start: (s) => `started ${s}`,
  complete: (s) => `completed ${s}`,
  notApplicable: (s) => `marked ${s} not applicable`,
  reopen: (s) => `reopened ${s}`,
  outOfScope: (s) => `took ${s} out of scope`,
  intoScope: (s) => `brought ${s} into scope`,
  settingChanged: (s) => `changed ${s}`,
  inputConfirmed: (s) => `confirmed the Key Input ${s}`,
  inputsOverridden: (s) => `went ahead without the Key Inputs ${s}`,
  areaAdded: (s) => `added the output area ${s}`,
  outputAnswered: (s) => `answered for ${s}`,
  signedOff: (s) => `signed off ${s}`,
  signOffCleared: (s) => `cleared the sign-off of ${s}`,
  nextStepChosen: (s) => `chose the ${s}`,
  deletionRequested: (s) => `asked to delete the engagement of ${s}`,
  deletionCancelled: (s) => `kept the engagement of ${s}`,
  reportLinksRevoked: (s) => `revoked every link to the report of ${s}`,
  playbookMigrated: (s) => `moved the engagement to the newer playbook ${s}`,
};

/** The domain's words for a value, as every card says them: "Not answered", like "Not started". */
const VALUE_TEXT: Record<string, string> = {
  unanswered: 'Not answered',
  enabled: 'Enabled',
  'not planned': 'Not planned',
  unconfirmed: 'Not confirmed',
  confirmed: 'Confirmed',
  'signed off': 'Signed off',
  'not signed off': 'Not signed off',
  'awaiting confirmation': 'Awaiting confirmation',
  kept: 'Kept',
  none: 'None',
};
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A playbook version (see playbook/version): its date is what a person knows it by. */
const VERSION = /^(\d{4}-\d{2}-\d{2})\.[0-9a-f]{8}$/;
const ENABLED_ON = /^enabled on (\d{4}-\d{2}-\d{2})$/;

/**
 * History is where the full text of a reason or note is read (cards show their start), so reasons and notes
 * are shown whole; a subject or value (a customer, a whole team's names) is cut. The newest changes are
 * shown until the card's budget is spent; the rest are counted.
 */
const SUBJECT_BYTES = 300;
const TASK_NAME_BYTES = 120;
const VALUE_BYTES = 600;
const REASON_BYTES = 16 * 1024;
const EVENTS_BUDGET = 30 * 1024;
/** The changes shown at once; the older ones of the card open from a toggle, so it fits a screen. */
export const HISTORY_SHOWN = 6;
/** A line's text and time, and the Container of history.json around them (about 330 bytes). */
const lineBytes = (line: HistoryLine): number => Buffer.byteLength(JSON.stringify(line)) + 330;

function valueText(value: string | undefined): string {
  if (value === undefined) return '';
  const enabledOn = ENABLED_ON.exec(value)?.[1];
  if (enabledOn) return `Enabled on ${day(enabledOn)}`;
  if (DATE.test(value)) return day(value);
  const version = VERSION.exec(value)?.[1];
  if (version) return day(version);
  return STATUS_TEXT[value as TaskStatus] ?? VALUE_TEXT[value] ?? shown(value, VALUE_BYTES);
}

export type TaskNames = ReadonlyMap<string, string>;

/** Task changes whose words already say the new status ("completed", "marked … not applicable"). */
const SAYS_ITS_STATUS: ReadonlySet<AuditEvent['action']> = new Set([
  'start',
  'complete',
  'notApplicable',
  'outOfScope',
]);

/** One line per event: who did what, from what to what, and why. */
export function eventText(event: AuditEvent, taskNames: TaskNames = new Map()): string {
  const name = event.taskId && taskNames.get(event.taskId);
  const subject = event.taskId
    ? `task ${shown(event.taskId, 40)}${name ? ` (${shown(name, TASK_NAME_BYTES)})` : ''}`
    : shown(event.subject ?? '', SUBJECT_BYTES);
  const change = SAYS_ITS_STATUS.has(event.action)
    ? ''
    : event.before !== undefined && event.after !== undefined
      ? `: ${valueText(event.before)} → ${valueText(event.after)}`
      : event.after !== undefined
        ? `: ${valueText(event.after)}`
        : '';
  const why = event.reason ? ` · Reason: ${shown(event.reason, REASON_BYTES)}` : '';
  const note = event.note ? ` · Note: ${shown(event.note, REASON_BYTES)}` : '';
  return `**${personName(event.actor)}** ${WHAT[event.action](subject)}${change}${why}${note}`;
}

/** Lines newest first, each day named once, on its first line. */
function linesOf(events: AuditEvent[], taskNames: TaskNames, zone?: string): HistoryLine[] {
  const lines: HistoryLine[] = [];
  let left = EVENTS_BUDGET;
  let previousDay = '';
  for (const event of events) {
    const at = dayAndTime(event.at, zone);
    const line = { day: at.day === previousDay ? '' : at.day, time: at.time, text: eventText(event, taskNames) };
    left -= lineBytes(line);
    if (left < 0 && lines.length > 0) break;
    lines.push(line);
    previousDay = at.day;
  }
  return lines;
}

/** "the latest 20 changes, newest first" when there may be more, else how many there are. */
function whichChanges(count: number, limit: number): string {
  if (count >= limit) return `the latest ${limit} changes, newest first`;
  if (count === 0) return 'no changes yet';
  return count === 1 ? 'its one change' : `all ${count} changes, newest first`;
}

export interface HistoryOptions {
  taskId?: string;
  zone?: string;
}

export function historyView(
  engagement: Pick<Engagement, 'id' | 'customerName' | 'tasks'>,
  events: AuditEvent[],
  limit: number,
  { taskId, zone }: HistoryOptions = {},
): HistoryCardData {
  const taskNames = new Map(engagement.tasks.map((t) => [t.id, t.name]));
  const lines = linesOf(events, taskNames, zone);
  const [shownFirst, older] = [lines.slice(0, HISTORY_SHOWN), lines.slice(HISTORY_SHOWN)];
  // The older part starts on a day of its own: it is read after a toggle, away from the line above it.
  if (older[0]) older[0] = { ...older[0], day: dayAndTime(events[HISTORY_SHOWN]!.at, zone).day };
  const hidden = events.length - lines.length;
  const times = readerZone(zone);
  return {
    title: taskId ? `History of task ${shown(taskId, 40)}` : 'History',
    subtitle: `${customer(engagement.customerName)} · ${whichChanges(events.length, limit)} · times ${times === 'UTC' ? 'in UTC' : `in ${times}`}`,
    events: shownFirst,
    older,
    olderLabel: older.length ? `Show ${plural(older.length, 'older change')}` : '',
    olderId: `history-older-${engagement.id}`,
    more:
      hidden > 0
        ? `…and ${plural(hidden, 'older change')} that did not fit here.${taskId ? '' : ' Type **history** and a task ID for one task.'}`
        : '',
    empty: events.length === 0 ? (taskId ? `No changes to task ${shown(taskId, 40)} yet.` : 'No changes yet.') : '',
  };
}
