import type { TurnContext } from 'botbuilder';
import type { Person } from '../../domain/types';
import type { AdaptiveCard } from '../cards/renderer';
import type { BotDeps } from '../deps';
import type { EngagementCards } from '../cards/engagementCards';
import type { ActionData } from '../turn/actionData';

export const ACTION_VERBS = [
  'task.start',
  'task.complete',
  'task.notApplicable',
  'task.reopen',
  'setup.choosePlaybook',
  'setup.submit',
  'settings.open',
  'settings.save',
  'summary.refresh',
  'digest.start',
  'digest.complete',
  'digest.snooze',
  'tasks.start',
  'tasks.complete',
  'inputs.open',
  'inputs.confirm',
  'inputs.override',
  'outputs.open',
  'outputs.answer',
  'outputs.save',
  'outputs.add',
  'outputs.signOff',
  'nextStep.choose',
  'engagement.delete',
  'engagement.keep',
  'card.refresh',
  'report.revoke',
  'playbook.apply',
  'playbook.notNow',
  'playbook.review',
] as const;
export type ActionVerb = (typeof ACTION_VERBS)[number];

export type ActionResult = { kind: 'card'; card: AdaptiveCard } | { kind: 'message'; text: string };

export interface ActionContext {
  turn: TurnContext;
  deps: BotDeps;
  cards: EngagementCards;
  data: ActionData;
  actor: Person;
}

export interface CardAction {
  run(context: ActionContext): Promise<ActionResult>;
}
