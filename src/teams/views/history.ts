import type { AuditEvent, TaskStatus } from '../../domain/types';
import type { HistoryCardData } from './cardTypes';
import { customer, personName, plural, shown, when, STATUS_TEXT } from './format';

const WHAT: Record<AuditEvent['action'], string> = {
  start: 'started',
  complete: 'completed',
  notApplicable: 'marked not applicable',
  reopen: 'reopened',
  outOfScope: 'took out of scope',
  intoScope: 'brought into scope',
  settingChanged: 'changed',
  inputConfirmed: 'confirmed the Key Input',
  inputsOverridden: 'went ahead without the Key Inputs',
  areaAdded: 'added the output area',
  outputAnswered: 'answered for',
  signedOff: 'signed off',
  signOffCleared: 'cleared the sign-off of',
  nextStepChosen: 'chose the',
  deletionRequested: 'asked to delete the engagement of',
  deletionCancelled: 'kept the engagement of',
};

/**
 * History is where the full text of a reason or note is read (cards show their start), so reasons and notes
 * are shown whole; a subject or value (a customer, a whole team's names) is cut. The newest changes are
 * shown until the card's budget is spent; the rest are counted.
 */
const SUBJECT_BYTES = 300;
const VALUE_BYTES = 600;
const REASON_BYTES = 16 * 1024;
const EVENTS_BUDGET = 30 * 1024;
/** A line's text and time, and the ColumnSet of history.json around them (about 220 bytes). */
const lineBytes = (line: { when: string; text: string }): number => Buffer.byteLength(JSON.stringify(line)) + 220;

const statusText = (value: string | undefined): string =>
  value === undefined ? '' : (STATUS_TEXT[value as TaskStatus] ?? shown(value, VALUE_BYTES));

/** One line per event: who did what, from what to what, and why. */
export function eventText(event: AuditEvent): string {
  const subject = event.taskId ? `task ${event.taskId}` : shown(event.subject ?? '', SUBJECT_BYTES);
  const change =
    event.before !== undefined && event.after !== undefined
      ? `: ${statusText(event.before)} → ${statusText(event.after)}`
      : event.after !== undefined
        ? `: ${statusText(event.after)}`
        : '';
  const why = event.reason ? ` · Reason: ${shown(event.reason, REASON_BYTES)}` : '';
  const note = event.note ? ` · Note: ${shown(event.note, REASON_BYTES)}` : '';
  return `**${personName(event.actor)}** ${WHAT[event.action]} ${subject}${change}${why}${note}`;
}

export function historyView(
  customerName: string,
  events: AuditEvent[],
  limit: number,
  taskId?: string,
  zone?: string,
): HistoryCardData {
  const lines: { when: string; text: string }[] = [];
  let left = EVENTS_BUDGET;
  for (const event of events) {
    const line = { when: when(event.at, zone), text: eventText(event) };
    left -= lineBytes(line);
    if (left < 0 && lines.length > 0) break;
    lines.push(line);
  }
  const hidden = events.length - lines.length;
  return {
    title: taskId ? `History of task ${taskId}` : 'History',
    subtitle: `${customer(customerName)} · the latest ${limit} changes, newest first`,
    events: lines,
    more:
      hidden > 0
        ? `…and ${plural(hidden, 'older change')} that did not fit here.${taskId ? '' : ' Type **history** and a task ID for one task.'}`
        : '',
    empty: events.length === 0 ? (taskId ? `No changes to task ${taskId} yet.` : 'No changes yet.') : '',
  };
}
