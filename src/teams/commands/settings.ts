import { engagementOfTurn } from '../engagementOfTurn';
import { settingsMessage } from '../settingsForm';
import { actorOf } from '../turn';
import { userMessage } from '../userMessages';
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
    try {
      await turn.sendActivity(await settingsMessage(turn, deps, found.value, actorOf(turn)));
    } catch (error) {
      const message = userMessage(error);
      if (!message) throw error;
      await turn.sendActivity(message);
    }
  },
};
