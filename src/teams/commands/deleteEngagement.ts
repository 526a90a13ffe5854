import { MessageFactory } from 'botbuilder';
import { confirmDeleteView } from '../views/notices';
import { askToDelete } from '../../app/deleteEngagement';
import { actorOf } from '../turn/turnFacts';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

export const deleteEngagementCommand: Command = {
  name: 'delete engagement',
  usage: 'delete engagement',
  description: "Deletes all of this engagement's data, after you confirm (FastTrack Manager).",
  scope: 'conversation',
  inMenu: false,
  run: withEngagement(async ({ turn, deps }, engagement) => {
    const actor = actorOf(turn);
    const { engagement: requested, requestId } = await askToDelete(deps, engagement.id, actor);
    const card = deps.renderer.attachment('confirmDelete', confirmDeleteView(requested, actor, requestId));
    await turn.sendActivity(MessageFactory.attachment(card));
  }),
};
