import { CardFactory, MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import type { CardPost, Engagement } from '../domain/types';
import type { AdaptiveCard } from './cards';
import type { CardRefresher } from './cardRefresher';
import type { BotDeps } from './deps';
import { summaryView } from './views/summary';
import { workshopView } from './views/workshop';

export const SUMMARY_CARD = 'summary';
export const workshopCardKey = (workshop: string): string => `workshop:${workshop}`;

const workshopsOf = (engagement: Engagement): string[] => [...new Set(engagement.tasks.map((t) => t.workshop))];

/** Renders an engagement's cards and keeps the copies posted in the channel up to date. */
export class EngagementCards {
  constructor(
    private readonly deps: BotDeps,
    private readonly refresher: CardRefresher,
  ) {}

  workshop(engagement: Engagement, workshop: string): AdaptiveCard {
    const playbook = this.deps.catalog.playbook(engagement.playbookId);
    return this.deps.cards.card('workshop', workshopView(engagement, playbook, workshop));
  }

  summary(engagement: Engagement): AdaptiveCard {
    const title = this.deps.catalog.playbook(engagement.playbookId)?.title ?? engagement.playbookId;
    return this.deps.cards.card('summary', summaryView(engagement, title));
  }

  attachmentFor(engagement: Engagement, key: string): Attachment {
    const card =
      key === SUMMARY_CARD
        ? this.summary(engagement)
        : this.workshop(engagement, key.slice(workshopCardKey('').length));
    return CardFactory.adaptiveCard(card);
  }

  /** Posts one card per workshop and the summary; returns what was posted, to be remembered. */
  async postAll(turn: TurnContext, engagement: Engagement): Promise<CardPost[]> {
    const keys = this.allKeys(engagement);
    const sent = await turn.sendActivities(
      keys.map((key) => MessageFactory.attachment(this.attachmentFor(engagement, key))),
    );
    return keys.flatMap((card, i) => (sent[i]?.id ? [{ card, activityId: sent[i].id }] : []));
  }

  /**
   * Has the posted copies of the given cards updated in place, in the background, so everyone sees
   * the same state. The copy the person clicked is answered by the invoke response, so it is skipped.
   */
  refreshPosted(turn: TurnContext, engagement: Engagement, keys: string[], skipActivityId?: string): void {
    const posts = engagement.posts.filter((p) => keys.includes(p.card) && p.activityId !== skipActivityId);
    this.refresher.schedule(
      turn,
      posts.map((post) => ({
        activityId: post.activityId,
        revision: engagement.revision,
        render: () => this.attachmentFor(engagement, post.card),
      })),
    );
  }

  allKeys(engagement: Engagement): string[] {
    return [...workshopsOf(engagement).map(workshopCardKey), SUMMARY_CARD];
  }
}
