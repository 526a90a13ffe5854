import { CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { claimPosting, recordPosts } from '../../app/engagementSetup';
import type { CardPost, Engagement } from '../../domain/types';
import type { AdaptiveCard } from './renderer';
import type { BotDeps } from '../deps';
import type { Viewer } from '../views/format';
import { keyInputsView } from '../views/keyInputs';
import { keyOutputsView } from '../views/keyOutputs';
import { summaryView } from '../views/summary';
import { workshopView } from '../views/workshop';

import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD, SUMMARY_CARD, WORKSHOP_PREFIX, workshopCardKey } from '../views/cardKeys';

export { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD, SUMMARY_CARD, workshopCardKey };

const workshopsOf = (engagement: Engagement): string[] => [...new Set(engagement.tasks.map((t) => t.workshop))];

/** Has the posted copies of an engagement's cards brought up to date in the background. */
export type ScheduleUpdates = (engagement: Engagement, cards: string[]) => void;

/** Renders an engagement's cards and keeps the copies posted in the channel up to date. */
export class EngagementCards {
  constructor(
    private readonly deps: BotDeps,
    private readonly scheduleUpdates: ScheduleUpdates,
  ) {}

  /**
   * The cards as `viewer` sees them: the person's own copy (the answer to their click or refresh) shows only
   * the buttons they may press, with times in their time zone. Without a viewer, the read-only copy everyone
   * shares.
   */
  workshop(engagement: Engagement, workshop: string, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.deps.catalog.playbook(engagement.playbookId);
    return this.deps.renderer.card('workshop', workshopView(engagement, playbook, workshop, viewer));
  }

  summary(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.deps.catalog.playbook(engagement.playbookId);
    const title = playbook?.title ?? engagement.playbookId;
    return this.deps.renderer.card('summary', summaryView(engagement, playbook, title, viewer));
  }

  keyInputs(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.deps.catalog.playbook(engagement.playbookId);
    return this.deps.renderer.card('keyInputs', keyInputsView(engagement, playbook, viewer));
  }

  keyOutputs(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.deps.catalog.playbook(engagement.playbookId);
    return this.deps.renderer.card('keyOutputs', keyOutputsView(engagement, playbook, viewer));
  }

  /** The card a key names: the summary, Key Inputs, Key Outputs, or `workshop:<name>`. */
  render(engagement: Engagement, key: string, viewer: Viewer = {}): AdaptiveCard {
    if (key === SUMMARY_CARD) return this.summary(engagement, viewer);
    if (key === KEY_INPUTS_CARD) return this.keyInputs(engagement, viewer);
    if (key === KEY_OUTPUTS_CARD) return this.keyOutputs(engagement, viewer);
    return this.workshop(engagement, key.slice(WORKSHOP_PREFIX.length), viewer);
  }

  /** Whether `key` names a card of this engagement. */
  hasCard(engagement: Engagement, key: string): boolean {
    return [...this.allKeys(engagement), KEY_OUTPUTS_CARD].includes(key);
  }

  attachmentFor(engagement: Engagement, key: string): Attachment {
    return CardFactory.adaptiveCard(this.render(engagement, key));
  }

  /**
   * Posts the given cards one by one (all of them by default) and returns those that were posted. When a
   * post fails, the ones before it are still returned with the error, so they are remembered and only
   * the rest is posted again later.
   */
  private async post(
    turn: TurnContext,
    engagement: Engagement,
    keys = this.allKeys(engagement),
  ): Promise<{ posted: CardPost[]; error?: unknown }> {
    const posted: CardPost[] = [];
    for (const card of keys) {
      try {
        const sent = await turn.sendActivity(MessageFactory.attachment(this.attachmentFor(engagement, card)));
        if (sent?.id) posted.push({ card, activityId: sent.id, conversationId: turn.activity.conversation.id });
      } catch (error) {
        return { posted, error };
      }
    }
    return { posted };
  }

  /** Posts the cards and remembers what was posted; false (and logged) when some could not be posted. */
  async postAndRemember(turn: TurnContext, engagement: Engagement, keys = this.allKeys(engagement)): Promise<boolean> {
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

  private async postAndRecord(turn: TurnContext, engagement: Engagement, keys: string[], endClaim: boolean) {
    const { posted, error } = await this.post(turn, engagement, keys);
    if (posted.length > 0 || endClaim) {
      const retired = await recordPosts(this.deps, engagement.id, posted, endClaim);
      const text = 'This card was posted again further down; the newest copy is the one kept up to date.';
      await this.replaceWithNotice(turn, engagement, retired, { title: 'Moved', text });
    }
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
    return this.allKeys(engagement).filter((key) => !engagement.posts.some((p) => p.card === key));
  }

  /**
   * Has the posted copies of the given cards updated in place, in the background, so everyone sees the same
   * state. The copy a person clicked is updated too: Teams shows the invoke's answer (that person's own
   * copy) to their client only, and everyone else sees the copy posted or last updated.
   */
  refreshPosted(engagement: Engagement, keys: string[]): void {
    this.scheduleUpdates(engagement, keys);
  }

  /** The cards setup posts, in order: Key Inputs first, since the workshops depend on them. */
  allKeys(engagement: Engagement): string[] {
    return [KEY_INPUTS_CARD, ...this.workshopKeys(engagement), SUMMARY_CARD];
  }

  workshopKeys(engagement: Engagement): string[] {
    return workshopsOf(engagement).map(workshopCardKey);
  }
}
