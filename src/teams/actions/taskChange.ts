import { changeTask } from '../../app/changeTask';
import type { Engagement, TaskAction } from '../../domain/types';
import { requiredField } from '../turn/actionData';
import type { ActionContext, ActionResult, CardAction } from './types';

/** Where a task was clicked: a workshop card, a digest or a task list. Each finds its engagement and answers its own way. */
export interface TaskSurface {
  /** Reads and checks the click before anything changes: the engagement it is about, and how to answer. */
  read(context: ActionContext): Promise<{
    engagementId: string;
    answer(changed: Engagement, taskId: string): Promise<ActionResult>;
  }>;
}

/** The one task-change handler: change the task, refresh the cards that show it, answer where the click was. */
export function taskChangeAction(action: TaskAction, surface: TaskSurface): CardAction {
  return {
    async run(context) {
      const { engagementId, answer } = await surface.read(context);
      const taskId = requiredField(context.data, 'taskId', 32);
      const reason = action === 'notApplicable' ? context.data.get(`reason-${taskId}`) : undefined;
      const { engagement } = await changeTask(context.deps, engagementId, {
        taskId,
        action,
        actor: context.actor,
        reason,
      });
      context.cards.changed(engagement.value, { kind: 'task', taskId });
      return answer(engagement.value, taskId);
    },
  };
}
