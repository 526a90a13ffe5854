import { MessageFactory } from 'botbuilder';
import { recordPosts } from '../../app/engagementSetup';
import { engagementOfTurn } from '../engagementOfTurn';
import { SUMMARY_CARD } from '../publish';
import { NO_ENGAGEMENT } from './hints';
import type { Command } from './types';

export const statusCommand: Command = {
  name: 'status',
  usage: 'status',
  description: 'The engagement summary: mandatory progress per workshop and per role.',
  scope: 'conversation',
  async run({ turn, deps, cards }) {
    const engagement = await engagementOfTurn(turn, deps);
    if (!engagement) return void (await turn.sendActivity(NO_ENGAGEMENT));
    const sent = await turn.sendActivity(
      MessageFactory.attachment(cards.attachmentFor(engagement.value, SUMMARY_CARD)),
    );
    if (sent?.id) await recordPosts(deps, engagement.value.id, [{ card: SUMMARY_CARD, activityId: sent.id }]);
  },
};
