import { changeTask } from '../../app/changeTask';
import type { TaskAction } from '../../domain/types';
import { SUMMARY_CARD, workshopCardKey } from '../cards/engagementCards';
import { engagementOfRow } from '../turn/engagementOfTurn';
import { digestView } from '../views/digest';
import { requiredField } from '../turn/actionData';
import type { ActionContext, ActionResult, ActionVerb, CardAction } from './types';

/** Answers with the person's digest as it stands now, so the card they clicked is current. */
async function currentDigest({ deps, actor }: ActionContext): Promise<ActionResult> {
  return { kind: 'card', card: deps.renderer.card('digest', digestView(await deps.digests.current(actor), 'now')) };
}

/** Start or complete a task from a digest: the same rules as in the channel, whose cards update in place. */
function digestTaskAction(verb: ActionVerb, action: TaskAction): CardAction {
  return {
    verb,
    async run(context) {
      const engagement = await engagementOfRow(context.turn, context.deps, context.data);
      const taskId = requiredField(context.data, 'taskId', 32);
      const changed = await changeTask(context.deps, engagement.id, { taskId, action, actor: context.actor });
      const workshop = changed.engagement.value.tasks.find((t) => t.id === taskId)?.workshop ?? '';
      context.cards.refreshPosted(changed.engagement.value, [SUMMARY_CARD, workshopCardKey(workshop)]);
      return currentDigest(context);
    },
  };
}

export const snoozeAction: CardAction = {
  verb: 'digest.snooze',
  async run(context) {
    const engagement = await engagementOfRow(context.turn, context.deps, context.data);
    const taskId = requiredField(context.data, 'taskId', 32);
    const days = Number(requiredField(context.data, 'days', 2));
    await context.deps.digests.snooze(context.actor, engagement, taskId, days);
    return currentDigest(context);
  },
};

export const digestActions: CardAction[] = [
  digestTaskAction('digest.start', 'start'),
  digestTaskAction('digest.complete', 'complete'),
  snoozeAction,
];
