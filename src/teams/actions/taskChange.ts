import { changeTask } from '../../app/changeTask';
import { InvalidTransitionError } from '../../domain/errors';
import type { Engagement, TaskAction } from '../../domain/types';
import { requiredField } from '../turn/actionData';
import type { ActionContext, ActionResult, CardAction } from './types';

/** Where a task was clicked: a workshop card, a digest or a task list. Each finds its engagement and answers its own way. */
export interface TaskSurface {
  /** Reads and checks the click before anything changes: the engagement it is about, and how to answer. */
  read(context: ActionContext): Promise<{
    engagementId: string;
    answer(changed: Engagement, taskId: string): Promise<ActionResult>;
    /** The answer when the click came from a copy that was out of date (the task had moved on). */
    outdated?(refused: InvalidTransitionError): Promise<ActionResult>;
  }>;
}

/** The one task-change handler: change the task, refresh the cards that show it, answer where the click was. */
export function taskChangeAction(action: TaskAction, surface: TaskSurface): CardAction {
  return {
    async run(context) {
      const { engagementId, answer, outdated } = await surface.read(context);
      const taskId = requiredField(context.data, 'taskId', 32);
      const reason = action === 'notApplicable' ? context.data.get(`reason-${taskId}`) : undefined;
      const change = { taskId, action, actor: context.actor, reason };
      const changed = await changeTask(context.deps, engagementId, change).catch((error: unknown) => {
        if (outdated && error instanceof InvalidTransitionError) return outdated(error);
        throw error;
      });
      if (!('engagement' in changed)) return changed;
      const { engagement } = changed;
      context.cards.changed(engagement.value, { kind: 'task', taskId });
      return answer(engagement.value, taskId);
    },
  };
}
