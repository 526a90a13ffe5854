import { MessageFactory } from 'botbuilder';
import { changeEngagement } from '../../app/changeEngagement';
import { requestDeletion } from '../../domain/deletion';
import { actorOf } from '../turn';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

export const deleteEngagementCommand: Command = {
  name: 'delete engagement',
  usage: 'delete engagement',
  description: "Deletes all of this engagement's data, after you confirm (FastTrack Manager).",
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps }, engagement) => {
    const actor = actorOf(turn);
    const requested = await changeEngagement(deps, engagement.id, (current, now) =>
      requestDeletion(current, actor, now),
    );
    const { customerName } = requested.value;
    const card = deps.cards.attachment('confirmDelete', {
      engagementId: engagement.id,
      customerName,
      text:
        `This deletes everything I keep about ${customerName}'s engagement: tasks, Key Inputs and Outputs, ` +
        'settings and the whole history. It cannot be undone. The cards in this channel will say it was deleted.',
      deleteTitle: `Delete ${customerName}'s data`,
    });
    await turn.sendActivity(MessageFactory.attachment(card));
  }),
};
