import { settingsMessage } from '../turn/settingsForm';
import { actorOf } from '../turn/turnFacts';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

export const settingsCommand: Command = {
  name: 'settings',
  usage: 'settings',
  description: 'People per role, customer contacts, services in scope and target dates (FastTrack Manager).',
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps }, engagement) => {
    await turn.sendActivity(await settingsMessage(turn, deps, engagement, actorOf(turn)));
  }),
};
