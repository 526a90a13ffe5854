import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import { recordException } from '../../telemetry';
import { ConnectorError } from '../outbound/connectorHttp';
import type { BotDeps } from '../deps';
import type { EngagementCards } from '../cards/engagementCards';
import { actorOf } from '../turn/turnFacts';
import { userMessage } from '../turn/userMessages';
import { BadActionError, parseAction } from '../turn/actionData';
import { deleteEngagementAction, keepEngagementAction } from './deleteActions';
import { digestActions } from './digestActions';
import { confirmInputAction, overrideInputsAction } from './inputActions';
import { chooseNextStepAction } from './nextStepActions';
import { refreshCardAction } from './refreshAction';
import { addAreaAction, answerOutputAction, openOutputsAction, signOffAction } from './outputActions';
import { openSettingsAction, refreshSummaryAction, saveSettingsAction } from './settingsActions';
import { choosePlaybookAction, submitSetupAction } from './setupActions';
import { taskActions } from './taskActions';
import { taskListActions } from './taskListActions';
import type { ActionResult, ActionVerb, CardAction } from './types';

const COULD_NOT_POST = 'I could not post to this conversation just now. Please try again in a moment.';

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

export function actionMap(): ReadonlyMap<string, CardAction> {
  const actions: CardAction[] = [
    ...taskActions,
    ...digestActions,
    ...taskListActions,
    choosePlaybookAction,
    submitSetupAction,
    openSettingsAction,
    saveSettingsAction,
    refreshSummaryAction,
    confirmInputAction,
    overrideInputsAction,
    openOutputsAction,
    answerOutputAction,
    addAreaAction,
    signOffAction,
    chooseNextStepAction,
    deleteEngagementAction,
    keepEngagementAction,
    refreshCardAction,
  ];
  return new Map<ActionVerb, CardAction>(actions.map((a) => [a.verb, a]));
}

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
  actions: ReadonlyMap<string, CardAction>,
  value: unknown,
): Promise<AdaptiveCardInvokeResponse> {
  try {
    const { verb, data } = parseAction(value);
    const action = actions.get(verb);
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
