import { outputAnswers, outputsOf, type AnswerInput } from '../../domain/outputs';
import { clipped } from '../../domain/text';
import { versionText } from './playbookUpdate';
import type { Engagement, OutputAnswer } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { KeyOutputsCardData, OutputAreaRow } from './cardTypes';
import { KEY_OUTPUTS_CARD } from './cardKeys';
import { isCustomerContact } from '../../domain/people';
import { type Viewer, customer, day, mayPress, personName, plural, when, shown } from './format';
import { refreshFor } from './refresh';

/** "✔ Enabled, 1 Dec 2026" or "✖ Not planned": readable without colour. */
export function answerText(answer: OutputAnswer | undefined): string {
  if (!answer) return '○ Not answered yet';
  if (answer.answer === 'notPlanned') return '✖ Not planned';
  return `✔ Enabled${answer.date ? `, ${day(answer.date)}` : ''}`;
}

/** The card shows the start of a long reason or note, and of an added feature's name; `history` has them all. */
const DETAIL_BYTES = 300;
const AREA_BYTES = 160;
/** A form row's label is narrow: a long feature name is cut there, and shown whole in the details. */
const ROW_LABEL_CHARACTERS = 28;
/** A row's text box shows the start of its current reason or note, greyed, until something is typed. */
const PLACEHOLDER_CHARACTERS = 60;
/**
 * The form's inputs have no visible labels (a row's area stands beside them), so a screen reader names them by
 * their placeholders: each names its area, or ten rows would all read "Answer".
 */
const answerPlaceholder = (area: string) => `Answer for ${area}`;
const textPlaceholder = (area: string) => `Reason if not planned, or a note, for ${area}`;

/** The one-pass form's inputs and the field naming each row's area: `area.0`, `answer.0`, `text.0`, ... */
export const outputRowFields = (index: number) =>
  ({ area: `area.${index}`, answer: `answer.${index}`, text: `text.${index}` }) as const;

/**
 * A submit the bot could not take whole: the answer chosen in each refused row stays on the contact's card,
 * with why. Its text does not: a row is refused with text only when the text is over the limit, which the
 * form's own maxLength keeps a Teams client from sending.
 */
export interface TypedAnswers {
  rows: Pick<AnswerInput, 'area' | 'answer'>[];
  notice: string;
}

function detailOf(answer: OutputAnswer, zone?: string): string {
  const text = answer.reason ? `Reason: ${answer.reason}` : answer.note ? `Note: ${answer.note}` : '';
  return [text && shown(text, DETAIL_BYTES), `${personName(answer.by)}, ${when(answer.at, zone)}`]
    .filter(Boolean)
    .join(' · ');
}

export function outputsStatus(engagement: Engagement, zone?: string): string {
  const rows = outputAnswers(engagement);
  const { signedOff } = outputsOf(engagement);
  if (signedOff) {
    // A sign-off given before the engagement moved to a newer playbook still stands, and says which it was.
    const on = signedOff.playbookVersion ? ` on the playbook of ${versionText(signedOff.playbookVersion)}` : '';
    return `Signed off by ${personName(signedOff.by)}, ${when(signedOff.at, zone)}${on}.`;
  }
  const answered = rows.filter((r) => r.answer).length;
  return `${answered} of ${plural(rows.length, 'area')} answered; not signed off yet.`;
}

function rowOf(
  area: string,
  answer: OutputAnswer | undefined,
  index: number,
  typed: TypedAnswers['rows'][number] | undefined,
  zone?: string,
): OutputAreaRow {
  const ids = outputRowFields(index);
  const current = answer?.reason ?? answer?.note;
  const short = clipped(area, ROW_LABEL_CHARACTERS);
  return {
    label: shown(area, AREA_BYTES),
    rowLabel: shown(short, AREA_BYTES),
    answer: answerText(answer),
    detail: answer ? detailOf(answer, zone) : '',
    choice: typed?.answer ?? answer?.answer ?? '',
    answerPlaceholder: answerPlaceholder(short),
    placeholder: current ? clipped(current, PLACEHOLDER_CHARACTERS) : textPlaceholder(short),
    choiceId: ids.answer,
    textId: ids.text,
  };
}

export function keyOutputsView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  viewer: Viewer = {},
  typed?: TypedAnswers,
): KeyOutputsCardData {
  const zone = viewer.timeZone;
  const rows = outputAnswers(engagement);
  const canAnswer = !engagement.completion && mayPress(viewer, (person) => isCustomerContact(engagement, person));
  const typedFor = (area: string) => typed?.rows.find((r) => r.area === area);
  const canSignOff = canAnswer && !outputsOf(engagement).signedOff && rows.length > 0 && rows.every((r) => r.answer);
  return {
    refresh: refreshFor(engagement, KEY_OUTPUTS_CARD),
    engagementId: engagement.id,
    customerName: customer(engagement.customerName),
    keyOutputs: (playbook?.keyOutputs ?? []).map((text) => ({ text: `• ${text}` })),
    // Beside the Sign off button the status is short: that the card is not signed off yet, the button says.
    status: canSignOff ? `All ${plural(rows.length, 'area')} answered.` : outputsStatus(engagement, zone),
    notice: typed?.notice ?? '',
    areas: rows.map(({ area, answer }, index) => rowOf(area, answer, index, typedFor(area), zone)),
    saveData: Object.fromEntries([
      ['engagementId', engagement.id],
      ...rows.map(({ area }, index) => [outputRowFields(index).area, area]),
    ]),
    detailsId: `outputs-details-${engagement.id}`,
    canAnswer,
    readOnly: !canAnswer,
    canSignOff,
  };
}
