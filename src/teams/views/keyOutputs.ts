import { outputAnswers, outputsOf } from '../../domain/outputs';
import type { Engagement, OutputAnswer } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { KeyOutputsCardData } from './cardTypes';
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

function detailOf(answer: OutputAnswer, zone?: string): string {
  const text = answer.reason ? `Reason: ${answer.reason}` : answer.note ? `Note: ${answer.note}` : '';
  return [text && shown(text, DETAIL_BYTES), `${personName(answer.by)}, ${when(answer.at, zone)}`]
    .filter(Boolean)
    .join(' · ');
}

export function outputsStatus(engagement: Engagement, zone?: string): string {
  const rows = outputAnswers(engagement);
  const { signedOff } = outputsOf(engagement);
  if (signedOff) return `Signed off by ${personName(signedOff.by)}, ${when(signedOff.at, zone)}.`;
  const answered = rows.filter((r) => r.answer).length;
  return `${answered} of ${plural(rows.length, 'area')} answered; not signed off yet.`;
}

export function keyOutputsView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  viewer: Viewer = {},
): KeyOutputsCardData {
  const zone = viewer.timeZone;
  const rows = outputAnswers(engagement);
  const canAnswer = !engagement.completion && mayPress(viewer, (person) => isCustomerContact(engagement, person));
  return {
    refresh: refreshFor(engagement, KEY_OUTPUTS_CARD),
    engagementId: engagement.id,
    customerName: customer(engagement.customerName),
    keyOutputs: (playbook?.keyOutputs ?? []).map((text) => ({ text: `• ${text}` })),
    status: outputsStatus(engagement, zone),
    areas: rows.map(({ area, answer }) => ({
      name: area,
      label: shown(area, AREA_BYTES),
      answer: answerText(answer),
      detail: answer ? detailOf(answer, zone) : '',
    })),
    firstOpenArea: (rows.find((r) => !r.answer) ?? rows[0])?.area ?? '',
    canAnswer,
    canSignOff: canAnswer && !outputsOf(engagement).signedOff && rows.length > 0 && rows.every((r) => r.answer),
  };
}
