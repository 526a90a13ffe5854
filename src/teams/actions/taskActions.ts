import { changeTask } from '../../app/changeTask';
import type { TaskAction } from '../../domain/types';
import { engagementIdOfAction } from '../turn/engagementOfTurn';
import { SUMMARY_CARD, workshopCardKey } from '../cards/engagementCards';
import { requiredField } from '../turn/actionData';
import type { ActionVerb, CardAction } from './types';
import { viewerOf } from '../turn/turnFacts';

/** One handler per task verb: change the task, answer with the updated card, update the other copies. */
function taskAction(verb: ActionVerb, action: TaskAction): CardAction {
  return {
    verb,
    async run({ turn, deps, cards, data, actor }) {
      const engagementId = engagementIdOfAction(turn, data);
      const taskId = requiredField(data, 'taskId', 32);
      const reason = action === 'notApplicable' ? data.get(`reason-${taskId}`) : undefined;
      const { engagement } = await changeTask(deps, engagementId, { taskId, action, actor, reason });
      const workshop = engagement.value.tasks.find((t) => t.id === taskId)?.workshop ?? '';
      cards.refreshPosted(engagement.value, [SUMMARY_CARD, workshopCardKey(workshop)]);
      return { kind: 'card', card: cards.workshop(engagement.value, workshop, viewerOf(turn)) };
    },
  };
}

export const taskActions: CardAction[] = [
  taskAction('task.start', 'start'),
  taskAction('task.complete', 'complete'),
  taskAction('task.notApplicable', 'notApplicable'),
  taskAction('task.reopen', 'reopen'),
];
