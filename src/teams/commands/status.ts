import { MessageFactory } from 'botbuilder';
import { recordPosts } from '../../app/engagementSetup';
import { SUMMARY_CARD } from '../publish';
import { withEngagement } from './withEngagement';
import type { Command } from './types';

export const statusCommand: Command = {
  name: 'status',
  usage: 'status',
  description: 'The engagement summary: mandatory progress per workshop and per role.',
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps, cards }, engagement) => {
    const sent = await turn.sendActivity(MessageFactory.attachment(cards.attachmentFor(engagement, SUMMARY_CARD)));
    if (sent?.id) await recordPosts(deps, engagement.id, [{ card: SUMMARY_CARD, activityId: sent.id }]);
  }),
};
