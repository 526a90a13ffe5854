import { BoundedMap } from '../boundedMap';
import type { Attachment } from 'botbuilder';
import type { EngagementStore } from '../app/ports';
import type { CardPost, Engagement } from '../domain/types';
import type { BotConnector, ConversationAddress } from './outbound/botConnector';
import type { OutboundQueue } from './outbound/outboundQueue';

/**
 * Updates wait this long to be merged: a burst of clicks becomes one update per posted card, which keeps
 * the bot well under Teams' limit of 7 messages a second per conversation.
 */
export const COALESCE_MS = 200;
/** How many posted copies' shown revisions are remembered; the oldest are forgotten first. */
const SHOWN_LIMIT = 10_000;
/** Rendered cards kept for the other copies of the same card at the same revision (up to three are posted). */
const RENDERED_LIMIT = 64;

export interface CardUpdaterDeps {
  store: EngagementStore;
  queue: OutboundQueue;
  connector: BotConnector;
  render(engagement: Engagement, card: string): Attachment;
}

interface Pending {
  engagement: Engagement;
  cards: Set<string>;
}

const addressOf = (engagement: Engagement, post: CardPost): ConversationAddress => ({
  serviceUrl: engagement.serviceUrl,
  conversationId: post.conversationId ?? engagement.conversationId,
});

/**
 * Keeps the cards posted for an engagement current, in the background. Each update is rendered from the
 * engagement as stored when it is sent, never from the state at the click, and the store is read again
 * after sending: if someone (in this process or another) changed the engagement meanwhile, the card is
 * updated again. So after any burst, from any number of bot instances, every copy ends on the final state.
 */
export class CardUpdater {
  private readonly pending = new Map<string, Pending>();
  private readonly shown = new BoundedMap<string, number>(SHOWN_LIMIT);
  private readonly rendered = new BoundedMap<string, Attachment>(RENDERED_LIMIT);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: CardUpdaterDeps) {}

  /**
   * Has the posted copies of `cards` brought up to date, the clicked copy included: the invoke's answer is
   * the clicker's own copy, which Teams shows to that person's client only.
   */
  schedule(engagement: Engagement, cards: string[]): void {
    const pending = this.pending.get(engagement.id);
    if (pending && pending.engagement.revision > engagement.revision) cards.forEach((c) => pending.cards.add(c));
    else this.pending.set(engagement.id, { engagement, cards: new Set([...(pending?.cards ?? []), ...cards]) });
    this.timer ??= setTimeout(() => this.flush(), COALESCE_MS);
  }

  /** Resolves once nothing waits to be sent, or after `timeoutMs`; true when everything was sent. */
  async idle(timeoutMs = Infinity): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.timer || this.deps.queue.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      if (this.timer) await new Promise((resolve) => setTimeout(resolve, Math.min(COALESCE_MS, left)));
      else await this.deps.queue.idle(left);
    }
    return true;
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.pending.values()];
    this.pending.clear();
    for (const { engagement, cards } of batch) {
      for (const post of engagement.posts.filter((p) => cards.has(p.card))) {
        // A copy already showing this revision would spend a send of Teams' budget on nothing.
        if ((this.shown.get(post.activityId) ?? 0) < engagement.revision) this.enqueue(engagement, post);
      }
    }
  }

  /** Queues one copy's update; the job holds ids only, so a long backlog costs little memory. */
  private enqueue(engagement: Engagement, post: CardPost): void {
    const address = addressOf(engagement, post);
    const engagementId = engagement.id;
    const { activityId, card } = post;
    this.deps.queue.enqueue({
      conversation: `${address.serviceUrl}|${address.conversationId}`,
      kind: 'cardUpdates',
      key: activityId,
      idempotent: true,
      labels: { engagementId, card },
      run: () => this.send(engagementId, activityId),
    });
  }

  private async send(engagementId: string, activityId: string): Promise<void> {
    const current = (await this.deps.store.get(engagementId))?.value;
    const post = current?.posts.find((p) => p.activityId === activityId);
    if (!current || !post || (this.shown.get(activityId) ?? 0) >= current.revision) return;
    const attachment = this.renderOnce(current, post.card);
    await this.deps.connector.update(addressOf(current, post), activityId, {
      type: 'message',
      attachments: [attachment],
    });
    this.remember(activityId, current.revision);
    const after = (await this.deps.store.get(engagementId))?.value;
    if (after && after.revision > current.revision) this.schedule(after, [post.card]);
  }

  private renderOnce(engagement: Engagement, card: string): Attachment {
    const key = `${engagement.id}|${engagement.revision}|${card}`;
    let attachment = this.rendered.get(key);
    if (!attachment) {
      attachment = this.deps.render(engagement, card);
      this.rendered.set(key, attachment);
    }
    return attachment;
  }

  private remember(activityId: string, revision: number): void {
    this.shown.set(activityId, Math.max(revision, this.shown.get(activityId) ?? 0));
  }
}
