import { MessageFactory } from 'botbuilder';
import { mayEditSettings } from '../../domain/people';
import { engagementOfTurn } from '../engagementOfTurn';
import { conversationMembers } from '../members';
import { actorOf } from '../turn';
import { setupView } from '../views/setup';
import { NO_ENGAGEMENT } from './hints';
import type { Command } from './types';

export const settingsCommand: Command = {
  name: 'settings',
  usage: 'settings',
  description: 'People per role, customer contacts, services in scope and target dates (FastTrack Manager).',
  scope: 'conversation',
  async run({ turn, deps }) {
    const found = await engagementOfTurn(turn, deps);
    if (!found) return void (await turn.sendActivity(NO_ENGAGEMENT));
    if (!mayEditSettings(found.value, actorOf(turn))) {
      return void (await turn.sendActivity('Only the FastTrack Manager can change the settings. Nothing was changed.'));
    }
    const playbook = deps.catalog.playbook(found.value.playbookId);
    if (!playbook) return void (await turn.sendActivity('The playbook of this engagement is no longer loaded.'));
    const members = await conversationMembers(turn, deps.logger);
    await turn.sendActivity(
      MessageFactory.attachment(deps.cards.attachment('setup', setupView(playbook, members, found.value))),
    );
  },
};
