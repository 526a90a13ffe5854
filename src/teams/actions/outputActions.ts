import { changeEngagement } from '../../app/changeEngagement';
import { addOutputArea, answerOutput, OUTPUT_LIMITS, signOffOutputs } from '../../domain/outputs';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { KEY_OUTPUTS_CARD } from '../views/cardKeys';
import { requiredField } from '../turn/actionData';
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

/** Posts the Key Outputs card as its own message, so the summary stays a summary. */
export const openOutputsAction: CardAction = {
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    await cards.postAndRemember(turn, engagement, [KEY_OUTPUTS_CARD]);
    return { kind: 'card', card: cards.views.summary(engagement, viewerOf(turn)) };
  },
};

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
