import { deleteEngagement } from '../../app/deleteEngagement';
import { engagementIdOfAction, engagementOfAction } from '../engagementOfTurn';
import { checkMayDelete } from '../../domain/deletion';
import type { CardAction } from './types';

/** The manager confirmed: every piece of the engagement's data goes, and the posted cards say so. */
export const deleteEngagementAction: CardAction = {
  verb: 'engagement.delete',
  async run({ turn, deps, cards, actor, data }) {
    const deleted = await deleteEngagement(deps, engagementIdOfAction(turn, data), actor);
    const at = deps.now().toISOString();
    deps.logger.info(
      { event: 'engagement.deleted', engagementId: deleted.id, by: actor.aadObjectId ?? actor.id, at },
      'engagement deleted',
    );
    await deps.people.dropEngagement(deleted);
    const text = `${actor.name} deleted all of ${deleted.customerName}'s engagement data, its history included.`;
    await cards.replaceWithNotice(turn, deleted, deleted.posts, { title: 'Engagement deleted', text });
    return { kind: 'card', card: deps.cards.card('notice', { title: 'Engagement deleted', text }) };
  },
};

export const keepEngagementAction: CardAction = {
  verb: 'engagement.keep',
  async run({ turn, deps, actor, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    checkMayDelete(engagement, actor);
    const text = `${actor.name} kept ${engagement.customerName}'s engagement. Nothing was deleted.`;
    return { kind: 'card', card: deps.cards.card('notice', { title: 'Nothing deleted', text }) };
  },
};
