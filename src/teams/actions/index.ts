import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { recordException } from '../../telemetry';
import { ConnectorError } from '../outbound/connectorHttp';
import type { BotDeps } from '../deps';
import type { EngagementCards } from '../cards/engagementCards';
import { actorOf } from '../turn/turnFacts';
import { userMessage } from '../turn/userMessages';
import { BadActionError, parseAction } from '../turn/actionData';
import { deleteEngagementAction, keepEngagementAction } from './deleteActions';
import { digestRow, snoozeAction } from './digestActions';
import { confirmInputAction, overrideInputsAction } from './inputActions';
import { openCardAction } from './openCardAction';
import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD } from '../views/cardKeys';
import { chooseNextStepAction } from './nextStepActions';
import { refreshCardAction } from './refreshAction';
import { revokeReportAction } from './reportActions';
import { applyPlaybookAction, notNowPlaybookAction, reviewPlaybookAction } from './playbookActions';
import { addAreaAction, answerOutputAction, saveOutputsAction, signOffAction } from './outputActions';
import { openSettingsAction, refreshSummaryAction, saveSettingsAction } from './settingsActions';
import { choosePlaybookAction, submitSetupAction } from './setupActions';
import { workshopCard } from './taskActions';
import { taskChangeAction } from './taskChange';
import { taskListRow } from './taskListActions';
import type { ActionResult, ActionVerb, CardAction } from './types';

const COULD_NOT_POST = 'I could not post to this conversation just now. Please try again in a moment.';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

export type ActionHandlers = Readonly<Record<ActionVerb, CardAction>>;

/** One handler per card verb; a verb in ACTION_VERBS without one here does not compile. */
export const ACTION_HANDLERS: ActionHandlers = {
  'task.start': taskChangeAction('start', workshopCard),
  'task.complete': taskChangeAction('complete', workshopCard),
  'task.notApplicable': taskChangeAction('notApplicable', workshopCard),
  'task.reopen': taskChangeAction('reopen', workshopCard),
  'digest.start': taskChangeAction('start', digestRow),
  'digest.complete': taskChangeAction('complete', digestRow),
  'digest.snooze': snoozeAction,
  'tasks.start': taskChangeAction('start', taskListRow),
  'tasks.complete': taskChangeAction('complete', taskListRow),
  'setup.choosePlaybook': choosePlaybookAction,
  'setup.submit': submitSetupAction,
  'settings.open': openSettingsAction,
  'settings.save': saveSettingsAction,
  'summary.refresh': refreshSummaryAction,
  'inputs.open': openCardAction(KEY_INPUTS_CARD),
  'inputs.confirm': confirmInputAction,
  'inputs.override': overrideInputsAction,
  'outputs.open': openCardAction(KEY_OUTPUTS_CARD),
  'outputs.answer': answerOutputAction,
  'outputs.save': saveOutputsAction,
  'outputs.add': addAreaAction,
  'outputs.signOff': signOffAction,
  'nextStep.choose': chooseNextStepAction,
  'engagement.delete': deleteEngagementAction,
  'engagement.keep': keepEngagementAction,
  'report.revoke': revokeReportAction,
  'playbook.apply': applyPlaybookAction,
  'playbook.notNow': notNowPlaybookAction,
  'playbook.review': reviewPlaybookAction,
  'card.refresh': refreshCardAction,
};

/** The handler of a verb a card sent; undefined for anything else, names of Object's own members included. */
export const handlerOf = (handlers: ActionHandlers, verb: string): CardAction | undefined =>
  Object.hasOwn(handlers, verb) ? handlers[verb as ActionVerb] : undefined;

const respond = (result: ActionResult): AdaptiveCardInvokeResponse =>
  result.kind === 'card'
    ? { statusCode: 200, type: CARD, value: result.card }
    : // Teams shows a message-typed answer to the person who clicked; the schema types `value` as an object.
      { statusCode: 200, type: MESSAGE, value: result.text as unknown as Record<string, unknown> };

const failure = (statusCode: number, code: string, message: string): AdaptiveCardInvokeResponse => ({
  statusCode,
  type: ERROR,
  value: { code, message },
});

/** Routes an Action.Execute by verb; every failure becomes a short answer and changes nothing. */
export async function handleCardAction(
  turn: TurnContext,
  deps: BotDeps,
  cards: EngagementCards,
  actions: ActionHandlers,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    const { verb, data } = parseAction(value);
    const action = handlerOf(actions, verb);
    if (!action) return failure(400, 'BadRequest', `This card action ("${verb.slice(0, 40)}") is not one I know.`);
    return respond(await action.run({ turn, deps, cards, data, actor: actorOf(turn) }));
  } catch (error) {
    if (error instanceof BadActionError) return failure(400, 'BadRequest', error.reason);
    if (error instanceof ConnectorError) {
      const about = { event: 'reply.failed', status: error.status, code: error.code, activityId: turn.activity.id };
      deps.logger.warn(about, 'a message the card action posts failed');
      return respond({ kind: 'message', text: COULD_NOT_POST });
    }
    const message = userMessage(error);
    if (message) return respond({ kind: 'message', text: message });
    deps.logger.error({ err: error, activityId: turn.activity.id }, 'card action failed');
    recordException(error);
    return failure(500, 'InternalError', 'Something went wrong on my side. Please try again in a moment.');
  }
}
