import { changeTask } from '../../app/changeTask';
import type { Engagement, TaskAction } from '../../domain/types';
import { engagementOfRow } from '../turn/engagementOfTurn';
import { SUMMARY_CARD, workshopCardKey } from '../cards/engagementCards';
import { channelTaskList, myTaskList } from '../cards/taskLists';
import { viewerOf } from '../turn/turnFacts';
import type { TaskListKind } from '../views/taskList';
import { BadActionError, optionalField, requiredField, type ActionData } from '../turn/actionData';
import type { ActionContext, ActionResult, ActionVerb, CardAction } from './types';

/** Which list the clicked row was on: `my tasks`, or `tasks …` in a channel. */
function listOfRow(data: ActionData): TaskListKind {
  const list = requiredField(data, 'list', 16);
  if (list === 'mine') return { list };
  if (list === 'channel') return { list, args: optionalField(data, 'args', 40) };
  throw new BadActionError('This task list is not one I know.');
}

/** The list the clicked row was on, as it stands now. */
async function sameList(context: ActionContext, engagement: Engagement, kind: TaskListKind): Promise<ActionResult> {
  const { deps } = context;
  const viewer = viewerOf(context.turn);
  if (kind.list === 'mine')
    return { kind: 'card', card: deps.renderer.card('taskList', await myTaskList(deps, viewer)) };
  const current = channelTaskList(engagement, viewer, kind.args);
  return typeof current === 'string'
    ? { kind: 'message', text: current }
    : { kind: 'card', card: deps.renderer.card('taskList', current) };
}

/** Start or complete a task from a task list: the same rules as on the workshop cards, which update in place. */
function taskListAction(verb: ActionVerb, action: TaskAction): CardAction {
  return {
    verb,
    async run(context) {
      const engagement = await engagementOfRow(context.turn, context.deps, context.data);
      const kind = listOfRow(context.data);
      const taskId = requiredField(context.data, 'taskId', 32);
      const changed = await changeTask(context.deps, engagement.id, { taskId, action, actor: context.actor });
      const workshop = changed.engagement.value.tasks.find((t) => t.id === taskId)?.workshop ?? '';
      context.cards.refreshPosted(changed.engagement.value, [SUMMARY_CARD, workshopCardKey(workshop)]);
      return sameList(context, changed.engagement.value, kind);
    },
  };
}

export const taskListActions: CardAction[] = [
  taskListAction('tasks.start', 'start'),
  taskListAction('tasks.complete', 'complete'),
];
