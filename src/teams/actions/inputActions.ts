import { changeEngagement } from '../../app/changeEngagement';
import { confirmInput, overrideInputs } from '../../domain/keyInputs';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { indexField } from '../turn/actionData';
import type { Engagement } from '../../domain/types';
import type { ActionContext, ActionResult, CardAction } from './types';
import { viewerOf } from '../turn/turnFacts';

/** Stores the change, brings the posted cards that show Key Inputs up to date, answers with this one. */
async function changeInputs(
  { turn, deps, cards, data }: ActionContext,
  change: Parameters<typeof changeEngagement>[2],
): Promise<ActionResult> {
  const { value: current } = await engagementOfAction(turn, deps, data);
  const saved = await changeEngagement(deps, current.id, change);
  cards.changed(saved.value, { kind: 'keyInputs' });
  return { kind: 'card', card: cards.views.keyInputs(saved.value, viewerOf(turn)) };
}

const inputsOf = (context: ActionContext, engagement: Engagement): string[] =>
  context.deps.catalog.playbookOf(engagement)?.keyInputs ?? [];

export const confirmInputAction: CardAction = {
  async run(context) {
    return changeInputs(context, (engagement, now) => {
      const inputs = inputsOf(context, engagement);
      const input = inputs[indexField(context.data, 'input', inputs.length)] ?? '';
      return confirmInput(engagement, inputs, input, context.actor, now);
    });
  },
};

export const overrideInputsAction: CardAction = {
  async run(context) {
    const reason = context.data.get('overrideReason');
    return changeInputs(context, (engagement, now) =>
      overrideInputs(engagement, inputsOf(context, engagement), reason, context.actor, now),
    );
  },
};
