import type { InvalidTransitionError } from '../../domain/errors';
import type { Engagement } from '../../domain/types';
import { userMessage } from '../turn/userMessages';
import { eventText } from '../views/history';
import { when } from '../views/format';
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

/** The list the clicked row was on, as it stands now; `notice` says why, when it is not the clicked change. */
async function sameList(
  context: ActionContext,
  engagement: Engagement,
  kind: TaskListKind,
  notice = '',
): Promise<ActionResult> {
  const { deps } = context;
  const viewer = viewerOf(context.turn);
  if (kind.list === 'mine')
    return { kind: 'card', card: deps.renderer.card('taskList', await myTaskList(deps, viewer, notice)) };
  const current = channelTaskList(engagement, viewer, kind.args, notice);
  return typeof current === 'string'
    ? { kind: 'message', text: current }
    : { kind: 'card', card: deps.renderer.card('taskList', current) };
}

/** Why a click on an outdated row changed nothing: the task's state, and the change that moved it on. */
function whatChanged(engagement: Engagement, refused: InvalidTransitionError, timeZone?: string): string {
  const last = [...engagement.audit].reverse().find((event) => event.taskId === refused.taskId);
  const since = last ? ` Last change: ${eventText(last)}, ${when(last.at, timeZone)}.` : '';
  return `${userMessage(refused) ?? ''}${since} This is the list as it stands now.`;
}

/** A task list row: the row names its engagement and its list, and the answer is that list as it stands now. */
export const taskListRow: TaskSurface = {
  async read(context) {
    const engagement = await engagementOfRow(context.turn, context.deps, context.data);
    const kind = listOfRow(context.data);
    const outdated = async (refused: InvalidTransitionError) => {
      const current = (await context.deps.store.get(engagement.id))?.value ?? engagement;
      return sameList(context, current, kind, whatChanged(current, refused, viewerOf(context.turn).timeZone));
    };
    return { engagementId: engagement.id, answer: (changed) => sameList(context, changed, kind), outdated };
  },
};
