import { CardFactory, MessageFactory, type TurnContext } from 'botbuilder';
import { claimPosting, recordPosts } from '../../app/engagementSetup';
import type { CardPost, Engagement, Person } from '../../domain/types';
import type { BotDeps } from '../deps';
import { cardsShowing, type EngagementChange } from './cardsShowing';
import type { EngagementCardViews } from './engagementCardViews';
import { MOVED_NOTICE } from '../views/cardKeys';
import type { PersonalCards } from './personalCards';

/** Has the posted copies of an engagement's cards brought up to date in the background. */
export interface CardUpdates {
  schedule(engagement: Engagement, cards: string[]): void;
}

/** The cards posted for an engagement: posting them, and keeping every copy current after a change. */
export class EngagementCards {
  constructor(
    private readonly deps: BotDeps,
    readonly views: EngagementCardViews,
    private readonly updates: CardUpdates,
    readonly personal: Pick<PersonalCards, 'schedule' | 'postMyTasks'>,
  ) {}

  /**
   * Posts the given cards one by one (all of them by default) and returns those that were posted. When a
   * post fails, the ones before it are still returned with the error, so they are remembered and only
   * the rest is posted again later.
   */
  private async post(
    turn: TurnContext,
    engagement: Engagement,
    keys = this.views.allKeys(engagement),
  ): Promise<{ posted: CardPost[]; error?: unknown }> {
    const posted: CardPost[] = [];
    for (const card of keys) {
      try {
        const sent = await turn.sendActivity(MessageFactory.attachment(this.views.attachmentFor(engagement, card)));
        if (sent?.id) posted.push({ card, activityId: sent.id, conversationId: turn.activity.conversation.id });
      } catch (error) {
        return { posted, error };
      }
    }
    return { posted };
  }

  /** Posts the cards and remembers what was posted; false (and logged) when some could not be posted. */
  async postAndRemember(
    turn: TurnContext,
    engagement: Engagement,
    keys = this.views.allKeys(engagement),
  ): Promise<boolean> {
    return this.postAndRecord(turn, engagement, keys, false);
  }

  /**
   * Posts the cards that were never posted (setup could not, or died). `claimed` says the caller already
   * holds the posting claim (setup does); otherwise it is taken first, and 'busy' means someone else
   * is posting them right now.
   */
  async postMissing(turn: TurnContext, engagement: Engagement, claimed = false): Promise<'posted' | 'failed' | 'busy'> {
    const missing = this.missing(engagement);
    if (missing.length === 0) return 'posted';
    if (!claimed && !(await claimPosting(this.deps, engagement.id))) return 'busy';
    return (await this.postAndRecord(turn, engagement, missing, true)) ? 'posted' : 'failed';
  }

  /**
   * Posts a task list asked for in the channel and keeps it current like the engagement's cards: with the
   * buttons of `viewer`, who asked for it, until newer copies of the same list retire it.
   */
  async postTaskList(turn: TurnContext, engagement: Engagement, key: string, viewer: Person): Promise<void> {
    const post = { card: key, viewer };
    const sent = await turn.sendActivity(MessageFactory.attachment(this.views.attachmentForPost(engagement, post)));
    if (!sent?.id) return;
    const posted = [{ ...post, activityId: sent.id, conversationId: turn.activity.conversation.id }];
    await this.retire(turn, engagement, await recordPosts(this.deps, engagement.id, posted));
  }

  private async retire(turn: TurnContext, engagement: Engagement, retired: CardPost[]): Promise<void> {
    await this.replaceWithNotice(turn, engagement, retired, MOVED_NOTICE);
  }

  private async postAndRecord(turn: TurnContext, engagement: Engagement, keys: string[], endClaim: boolean) {
    const { posted, error } = await this.post(turn, engagement, keys);
    if (posted.length > 0 || endClaim)
      await this.retire(turn, engagement, await recordPosts(this.deps, engagement.id, posted, endClaim));
    if (error)
      this.deps.logger.warn({ err: error, engagementId: engagement.id }, 'could not post the engagement cards');
    return !error;
  }

  /**
   * Replaces posted copies with a short notice: an older copy points to the newest, a deleted engagement's
   * cards say so. Best effort: a copy Teams refuses to update is logged and left as it was.
   */
  async replaceWithNotice(
    turn: TurnContext,
    engagement: Engagement,
    posts: CardPost[],
    notice: { title: string; text: string },
  ): Promise<void> {
    const pointer = CardFactory.adaptiveCard(this.deps.renderer.card('notice', notice));
    for (const post of posts) {
      await turn
        .updateActivity({
          id: post.activityId,
          type: 'message',
          conversation: { ...turn.activity.conversation, id: post.conversationId ?? engagement.conversationId },
          attachments: [pointer],
        })
        .catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not replace a posted card'));
    }
  }

  /** The engagement's cards that were never posted (setup posts them; a failed post leaves some out). */
  missing(engagement: Engagement): string[] {
    return this.views.allKeys(engagement).filter((key) => !engagement.posts.some((p) => p.card === key));
  }

  /**
   * Has every posted copy of the cards that show `change` updated in place, in the background, so everyone
   * sees the same state. The copy a person clicked is updated too: Teams shows the invoke's answer (that
   * person's own copy) to their client only, and everyone else sees the copy posted or last updated.
   */
  changed(engagement: Engagement, change: EngagementChange): void {
    this.updates.schedule(engagement, cardsShowing(engagement, change));
    // The 1:1 cards (`my tasks`, digests) list tasks; roles decide whose.
    if (change.kind === 'task' || change.kind === 'settings') this.personal.schedule(engagement.memberKeys);
  }
}
