import type { AuditEvent, TaskStatus } from '../../domain/types';
import type { HistoryCardData } from '../cardTypes';
import { STATUS_TEXT } from '../userMessages';
import { customer, personName, when, shown } from './format';

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

/** Each of the 20 lines stays within about 1.2 KB; `history <task>` and the trail keep every word. */
const SUBJECT_BYTES = 160;
const VALUE_BYTES = 200;
const REASON_BYTES = 250;

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
  return {
    title: taskId ? `History of task ${taskId}` : 'History',
    subtitle: `${customer(customerName)} · the latest ${limit} changes, newest first`,
    events: events.map((e) => ({ when: when(e.at, zone), text: eventText(e) })),
    empty: events.length === 0 ? (taskId ? `No changes to task ${taskId} yet.` : 'No changes yet.') : '',
  };
}
