import { engagementIdOfAction } from '../turn/engagementOfTurn';
import { viewerOf } from '../turn/turnFacts';
import { taskChangeAction, type TaskSurface } from './taskChange';
import type { CardAction } from './types';

/** A workshop card: the answer is the clicker's own copy of the card the task is on. */
const workshopCard: TaskSurface = {
  async read({ turn, cards, data }) {
    return {
      engagementId: engagementIdOfAction(turn, data),
      async answer(changed, taskId) {
        const workshop = changed.tasks.find((t) => t.id === taskId)?.workshop ?? '';
        return { kind: 'card', card: cards.views.workshop(changed, workshop, viewerOf(turn)) };
      },
    };
  },
};

export const taskActions: CardAction[] = [
  taskChangeAction('task.start', 'start', workshopCard),
  taskChangeAction('task.complete', 'complete', workshopCard),
  taskChangeAction('task.notApplicable', 'notApplicable', workshopCard),
  taskChangeAction('task.reopen', 'reopen', workshopCard),
];
