import { setUpEngagement, recordPosts } from '../../app/engagementSetup';
import type { Playbook } from '../../playbook/types';
import type { BotDeps } from '../deps';
import { conversationMembers } from '../members';
import { channelOf, isPersonal, teamOf, tenantOf } from '../turn';
import { setupView } from '../views/setup';
import { BadActionError, requiredField, type ActionData } from './data';
import { settingsFromInputs } from './settingsInput';
import type { CardAction } from './types';

function playbookOf(deps: BotDeps, data: ActionData): Playbook {
  const playbook = deps.catalog.playbook(requiredField(data, 'playbookId', 200));
  if (!playbook) throw new BadActionError('That playbook is not loaded.');
  return playbook;
}

export const choosePlaybookAction: CardAction = {
  verb: 'setup.choosePlaybook',
  async run({ turn, deps, data }) {
    const playbook = playbookOf(deps, data);
    const members = await conversationMembers(turn, deps.logger);
    return { kind: 'card', card: deps.cards.card('setup', setupView(playbook, members)) };
  },
};

export const submitSetupAction: CardAction = {
  verb: 'setup.submit',
  async run({ turn, deps, cards, data, actor }) {
    if (isPersonal(turn)) return { kind: 'message', text: "Set up an engagement in the customer's channel." };
    const playbook = playbookOf(deps, data);
    const members = await conversationMembers(turn, deps.logger);
    const settings = settingsFromInputs(data, playbook, members);
    const { engagement, created } = await setUpEngagement(deps, playbook, {
      ...settings,
      tenantId: tenantOf(turn),
      teamId: teamOf(turn),
      channelId: channelOf(turn),
      conversationId: turn.activity.conversation.id,
      serviceUrl: turn.activity.serviceUrl,
      createdBy: actor,
    });
    if (!created) {
      const text = `This channel already has an engagement for ${engagement.value.customerName}. Type **status** to see it.`;
      return { kind: 'card', card: deps.cards.card('notice', { title: 'Already set up', text }) };
    }
    await recordPosts(deps, engagement.value.id, await cards.postAll(turn, engagement.value));
    const text = `${actor.name} set up ${playbook.title} for ${engagement.value.customerName}. The workshop cards follow.`;
    return { kind: 'card', card: deps.cards.card('notice', { title: 'Engagement started', text }) };
  },
};
