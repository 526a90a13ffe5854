import { SUMMARY_CARD } from '../publish';
import { withEngagement } from './withEngagement';
import type { Command } from './types';

export const statusCommand: Command = {
  name: 'status',
  usage: 'status',
  description: 'The engagement summary: mandatory progress per workshop and per role.',
  scope: 'conversation',
  run: withEngagement(async ({ turn, cards }, engagement) => {
    await cards.postAndRemember(turn, engagement, [SUMMARY_CARD]);
  }),
};
