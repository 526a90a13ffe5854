import type { Engagement } from '../../domain/types';
import { engagementOfRow } from '../turn/engagementOfTurn';
import { channelTaskList, myTaskList } from '../cards/taskLists';
import { viewerOf } from '../turn/turnFacts';
import type { TaskListKind } from '../views/taskList';
import { BadActionError, optionalField, requiredField, type ActionData } from '../turn/actionData';
import type { TaskSurface } from './taskChange';
import type { ActionContext, ActionResult } from './types';

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

/** A task list row: the row names its engagement and its list, and the answer is that list as it stands now. */
export const taskListRow: TaskSurface = {
  async read(context) {
    const engagement = await engagementOfRow(context.turn, context.deps, context.data);
    const kind = listOfRow(context.data);
    return { engagementId: engagement.id, answer: (changed) => sameList(context, changed, kind) };
  },
};
