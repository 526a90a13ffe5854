import { deleteEngagement, keepEngagement } from '../../app/deleteEngagement';
import { engagementDeleted, engagementKept } from '../views/notices';
import { engagementIdOfAction } from '../turn/engagementOfTurn';
import { requiredField } from '../turn/actionData';
import type { CardAction } from './types';

/** The manager who asked confirmed their live request: every piece of the data goes, and the posted cards say so. */
export const deleteEngagementAction: CardAction = {
  async run({ turn, deps, cards, actor, data }) {
    const requestId = requiredField(data, 'requestId', 64);
    const deleted = await deleteEngagement(deps, engagementIdOfAction(turn, data), requestId, actor);
    const at = deps.now().toISOString();
    deps.logger.info(
      { event: 'engagement.deleted', engagementId: deleted.id, by: actor.aadObjectId ?? actor.id, at },
      'engagement deleted',
    );
    await deps.people.dropEngagement(deleted);
    const notice = engagementDeleted(actor, deleted);
    await cards.replaceWithNotice(turn, deleted, deleted.posts, notice);
    return { kind: 'card', card: deps.renderer.card('notice', notice) };
  },
};

/** "Keep it" cancels the request, so the confirmation can no longer be used. */
export const keepEngagementAction: CardAction = {
  async run({ turn, deps, actor, data }) {
    const requestId = requiredField(data, 'requestId', 64);
    const kept = await keepEngagement(deps, engagementIdOfAction(turn, data), requestId, actor);
    return { kind: 'card', card: deps.renderer.card('notice', engagementKept(actor, kept)) };
  },
};
