import { saveSettings } from '../../app/engagementSetup';
import { ForbiddenActorError } from '../../domain/errors';
import { MANAGER_ROLE, mayEditSettings } from '../../domain/people';
import { MessageFactory } from 'botbuilder';
import { engagementOfAction } from '../engagementOfTurn';
import { conversationMembers } from '../members';
import { setupView } from '../views/setup';
import { BadActionError } from './data';
import { settingsFromInputs } from './settingsInput';
import type { CardAction } from './types';

/** Posts the settings form as a new message, so the summary card stays a summary for everyone. */
export const openSettingsAction: CardAction = {
  verb: 'settings.open',
  async run({ turn, deps, cards, data, actor }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    if (!mayEditSettings(engagement, actor)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
    const playbook = deps.catalog.playbook(engagement.playbookId);
    if (!playbook) throw new BadActionError('The playbook of this engagement is no longer loaded.');
    const members = await conversationMembers(turn, deps.logger);
    await turn.sendActivity(
      MessageFactory.attachment(deps.cards.attachment('setup', setupView(playbook, members, engagement))),
    );
    return { kind: 'card', card: cards.summary(engagement) };
  },
};

export const saveSettingsAction: CardAction = {
  verb: 'settings.save',
  async run({ turn, deps, cards, data, actor }) {
    const { value: current } = await engagementOfAction(turn, deps, data);
    if (!mayEditSettings(current, actor)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
    const playbook = deps.catalog.playbook(current.playbookId);
    if (!playbook) throw new BadActionError('The playbook of this engagement is no longer loaded.');
    const members = await conversationMembers(turn, deps.logger);
    const saved = await saveSettings(deps, playbook, current.id, settingsFromInputs(data, playbook, members), actor);
    cards.refreshPosted(turn, saved.value, cards.allKeys(saved.value));
    const text = `${actor.name} saved the settings for ${saved.value.customerName}. The workshop cards are up to date.`;
    return { kind: 'card', card: deps.cards.card('notice', { title: 'Settings saved', text }) };
  },
};

export const refreshSummaryAction: CardAction = {
  verb: 'summary.refresh',
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    return { kind: 'card', card: cards.summary(engagement) };
  },
};
