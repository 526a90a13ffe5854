import { engagementOfRow } from '../turn/engagementOfTurn';
import { digestView } from '../views/digest';
import { requiredField } from '../turn/actionData';
import type { TaskSurface } from './taskChange';
import type { ActionContext, ActionResult, CardAction } from './types';

/** Answers with the person's digest as it stands now, so the card they clicked is current. */
async function currentDigest({ deps, actor }: ActionContext): Promise<ActionResult> {
  return { kind: 'card', card: deps.renderer.card('digest', digestView(await deps.digests.current(actor), 'now')) };
}

/** A digest row: the engagement is the row's, and the answer is the person's digest as it stands now. */
export const digestRow: TaskSurface = {
  async read(context) {
    const engagement = await engagementOfRow(context.turn, context.deps, context.data);
    return { engagementId: engagement.id, answer: () => currentDigest(context) };
  },
};

export const snoozeAction: CardAction = {
  async run(context) {
    const engagement = await engagementOfRow(context.turn, context.deps, context.data);
    const taskId = requiredField(context.data, 'taskId', 32);
    const days = Number(requiredField(context.data, 'days', 2));
    await context.deps.digests.snooze(context.actor, engagement, taskId, days);
    return currentDigest(context);
  },
};
