import { changeEngagement } from '../../app/changeEngagement';
import { mutateEngagement } from '../../app/mutate';
import {
  addOutputArea,
  answerOutput,
  OUTPUT_LIMITS,
  saveOutputsForm,
  signOffOutputs,
  type AnswerInput,
  type RefusedAnswer,
} from '../../domain/outputs';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { BadActionError, requiredField, type ActionData } from '../turn/actionData';
import { problemText } from '../turn/userMessages';
import { outputRowFields } from '../views/keyOutputs';
import { shown } from '../views/format';
import type { ActionContext, ActionResult, CardAction } from './types';
import { viewerOf } from '../turn/turnFacts';

/** Stores the customer's change, updates the posted outputs and summary cards, answers with the outputs. */
async function changeOutputs(
  { turn, deps, cards, data }: ActionContext,
  change: Parameters<typeof changeEngagement>[2],
): Promise<ActionResult> {
  const { value: current } = await engagementOfAction(turn, deps, data);
  const saved = await changeEngagement(deps, current.id, change);
  cards.changed(saved.value, { kind: 'keyOutputs' });
  return { kind: 'card', card: cards.views.keyOutputs(saved.value, viewerOf(turn)) };
}

export const answerOutputAction: CardAction = {
  async run(context) {
    const { data, actor } = context;
    const area = requiredField(data, 'area', OUTPUT_LIMITS.area);
    const answer = data.get('answer') ?? '';
    const text = data.get('text');
    const input = {
      area,
      answer,
      date: data.get('date'),
      ...(answer === 'notPlanned' ? { reason: text } : { note: text }),
    };
    return changeOutputs(context, (engagement, now) => answerOutput(engagement, input, actor, now));
  },
};

export const addAreaAction: CardAction = {
  async run(context) {
    const name = context.data.get('newArea') ?? '';
    return changeOutputs(context, (engagement, now) => addOutputArea(engagement, name, context.actor, now));
  },
};

export const signOffAction: CardAction = {
  async run(context) {
    return changeOutputs(context, (engagement, now) => signOffOutputs(engagement, context.actor, now));
  },
};

const SAVE_ROWS_AT_MOST = 40;
const NOTICE_AREA_BYTES = 60;

/** The rows of the one-pass form the contact chose an answer for; an empty text box keeps what the area has. */
function answeredRows(data: ActionData): AnswerInput[] {
  const rows: AnswerInput[] = [];
  for (let index = 0; data.has(outputRowFields(index).area); index++) {
    if (index >= SAVE_ROWS_AT_MOST) throw new BadActionError('The card names more areas than an engagement has.');
    const fields = outputRowFields(index);
    const area = requiredField(data, fields.area, OUTPUT_LIMITS.area);
    const answer = data.get(fields.answer)?.trim() ?? '';
    const text = data.get(fields.text)?.trim() || undefined;
    if (answer) rows.push({ area, answer, ...(answer === 'notPlanned' ? { reason: text } : { note: text }) });
  }
  return rows;
}

/** "Not saved: **AADP**, **OATP**. Please check the reason: …", one sentence per kind of refusal. */
function refusalNotice(refused: RefusedAnswer[], savedAny: boolean): string {
  const byProblem = new Map<string, string[]>();
  for (const { area, error } of refused) {
    const problem = problemText(error);
    byProblem.set(problem, [...(byProblem.get(problem) ?? []), `**${shown(area, NOTICE_AREA_BYTES)}**`]);
  }
  const each = [...byProblem].map(([problem, areas]) => `Not saved: ${areas.join(', ')}. ${problem}`);
  return [...each, ...(savedAny ? ['The other answers are saved.'] : [])].join(' ');
}

/** The one-pass form: every area answered and a feature added in one change, one round trip. */
export const saveOutputsAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    const form = { answers: answeredRows(data), newArea: data.get('newArea')?.trim() || undefined };
    if (form.answers.length === 0 && !form.newArea) {
      return { kind: 'message', text: 'Choose Enabled or Not planned for an area first. Nothing was changed.' };
    }
    const { value: current } = await engagementOfAction(turn, deps, data);
    const { engagement: saved, result } = await mutateEngagement(deps.store, current.id, (engagement) => {
      const outcome = saveOutputsForm(engagement, form, actor, deps.now());
      return { engagement: outcome.engagement, result: { ...outcome, savedAny: outcome.engagement !== engagement } };
    });
    const { refused, savedAny } = result;
    if (savedAny) cards.changed(saved.value, { kind: 'keyOutputs' });
    const typed = refused.length
      ? {
          rows: form.answers.filter((row) => refused.some((r) => r.area === row.area)),
          notice: refusalNotice(refused, savedAny),
        }
      : undefined;
    return { kind: 'card', card: cards.views.keyOutputs(saved.value, viewerOf(turn), typed) };
  },
};
