import { MessageFactory, type Activity, type TurnContext } from 'botbuilder';
import { ForbiddenActorError } from '../../domain/errors';
import { MANAGER_ROLE, mayEditSettings } from '../../domain/people';
import type { Engagement, Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import { BadActionError } from './actionData';
import type { BotDeps } from '../deps';
import { setupView } from '../views/setup';

/** What editing an engagement's settings needs; refuses anyone but the FastTrack Manager. */
export async function editableSettings(
  turn: TurnContext,
  deps: BotDeps,
  engagement: Engagement,
  actor: Person,
): Promise<{ playbook: Playbook; members: Person[] }> {
  if (!mayEditSettings(engagement, actor)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  const playbook = deps.catalog.playbookOf(engagement);
  if (!playbook) throw new BadActionError('The playbook of this engagement is no longer loaded.');
  return { playbook, members: await deps.roster.of(turn) };
}

/** The settings form, filled in with the engagement's current values. */
export async function settingsMessage(
  turn: TurnContext,
  deps: BotDeps,
  engagement: Engagement,
  actor: Person,
): Promise<Partial<Activity>> {
  const { playbook, members } = await editableSettings(turn, deps, engagement, actor);
  return MessageFactory.attachment(deps.renderer.attachment('setup', setupView(playbook, members, engagement)));
}
