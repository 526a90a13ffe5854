import { engagementIdOfAction } from '../turn/engagementOfTurn';
import { viewerOf } from '../turn/turnFacts';
import type { TaskSurface } from './taskChange';

/** A workshop card: the answer is the clicker's own copy of the card the task is on. */
export const workshopCard: TaskSurface = {
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
