import { setUpEngagement } from '../../app/engagementSetup';
import { customer, personName } from '../views/format';
import type { Playbook } from '../../playbook/types';
import type { BotDeps } from '../deps';
import { channelOf, isPersonal, teamGroupOf, teamOf, tenantOf } from '../turn/turnFacts';
import { setupView } from '../views/setup';
import { BadActionError, requiredField, type ActionData } from '../turn/actionData';
import { settingsFromInputs } from './settingsInput';
import type { ActionResult, CardAction } from './types';

export const CARDS_NOT_POSTED =
  'I could not post the workshop cards just now. They will appear with your next command, or submit this card again.';

function playbookOf(deps: BotDeps, data: ActionData): Playbook {
  const playbook = deps.catalog.playbook(requiredField(data, 'playbookId', 200));
  if (!playbook) throw new BadActionError('That playbook is not loaded.');
  return playbook;
}

export const choosePlaybookAction: CardAction = {
  async run({ turn, deps, data }) {
    const playbook = playbookOf(deps, data);
    const members = await deps.roster.of(turn);
    return { kind: 'card', card: deps.renderer.card('setup', setupView(playbook, members)) };
  },
};

export const submitSetupAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    if (isPersonal(turn)) return { kind: 'message', text: "Set up an engagement in the customer's channel." };
    const playbook = playbookOf(deps, data);
    const members = await deps.roster.of(turn);
    const settings = settingsFromInputs(data, playbook, members);
    const { engagement, created } = await setUpEngagement(deps, playbook, {
      ...settings,
      tenantId: tenantOf(turn),
      teamId: teamOf(turn),
      teamGroupId: teamGroupOf(turn),
      channelId: channelOf(turn),
      conversationId: turn.activity.conversation.id,
      serviceUrl: turn.activity.serviceUrl,
      createdBy: actor,
    });
    const notice = (title: string, text: string): ActionResult => ({
      kind: 'card',
      card: deps.renderer.card('notice', { title, text }),
    });
    if (created) await deps.people.enrol(engagement.value);
    const customerText = customer(engagement.value.customerName);
    const title = created ? 'Engagement started' : 'Already set up';
    const started = created
      ? `${personName(actor)} set up ${playbook.title} for ${customerText}.`
      : `There is already an engagement here, for ${customerText}.`;
    const missing = cards.missing(engagement.value).length > 0;
    const outcome = await cards.postMissing(turn, engagement.value, created);
    if (outcome === 'failed') return notice(title, `${started} ${CARDS_NOT_POSTED}`);
    if (created) return notice(title, `${started} The workshop cards follow.`);
    if (missing && outcome === 'posted') return notice(title, `${started} I posted the cards that were missing.`);
    return notice(title, `${started} Type **status** to see it.`);
  },
};
