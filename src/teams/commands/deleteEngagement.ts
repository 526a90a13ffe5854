import { MessageFactory } from 'botbuilder';
import { askToDelete } from '../../app/deleteEngagement';
import { DELETION_REQUEST_MS } from '../../domain/deletion';
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
    const { engagement: requested, requestId } = await askToDelete(deps, engagement.id, actor);
    const { customerName } = requested;
    const card = deps.cards.attachment('confirmDelete', {
      engagementId: engagement.id,
      requestId,
      customerName,
      text:
        `This deletes everything I keep about ${customerName}'s engagement: tasks, Key Inputs and Outputs, ` +
        'settings and the whole history. It cannot be undone. The cards in this channel will say it was deleted. ' +
        `Only ${actor.name} can confirm, within ${DELETION_REQUEST_MS / 60_000} minutes.`,
      deleteTitle: `Delete ${customerName}'s data`,
    });
    await turn.sendActivity(MessageFactory.attachment(card));
  }),
};
