import { LRUCache } from 'lru-cache';
import type { Attachment } from 'botbuilder';
import type { EngagementStore } from '../../app/ports';
import type { CardPost, Engagement } from '../../domain/types';
import { personKey } from '../../domain/people';
import type { Metrics } from '../../metrics';
import type { BotConnector, ConversationAddress } from '../outbound/botConnector';
import { cardUpdateJob, type OutboundQueue } from '../outbound/outboundQueue';

/**
 * Updates wait this long to be merged: a burst of clicks becomes one update per posted card, which keeps
 * the bot well under Teams' limit of 7 messages a second per conversation.
 */
export const COALESCE_MS = 200;
/** How many posted copies' shown revisions are remembered; the least recently used are forgotten first. */
const SHOWN_LIMIT = 10_000;
/** Rendered cards kept for the other copies of the same card at the same revision (up to three are posted). */
const RENDERED_LIMIT = 64;
/** Copies whose update was given up, remembered to be brought current later; beyond this the least recently touched are dropped. */
const STALE_LIMIT = 10_000;
/** How often the copies known to be stale are tried again, and how many at most in one pass. */
const STALE_PASS_MS = 30_000;
const STALE_PER_PASS = 50;
/** A copy still failing after this many passes (the bot was removed from the chat, say) is no longer tried. */
const STALE_MAX_PASSES = 20;

export interface CardUpdaterDeps {
  store: EngagementStore;
  queue: OutboundQueue;
  connector: BotConnector;
  render(engagement: Engagement, post: CardPost): Attachment;
  metrics: Metrics;
}

/** A copy whose last update was given up: it shows an older state until an update gets through. */
interface StaleCopy {
  engagementId: string;
  activityId: string;
  card: string;
  address: ConversationAddress;
  passes: number;
}

interface Pending {
  engagement: Engagement;
  cards: Set<string>;
}

const conversationOf = (address: ConversationAddress): string => `${address.serviceUrl}|${address.conversationId}`;

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
  private readonly shown = new LRUCache<string, number>({ max: SHOWN_LIMIT });
  private readonly rendered = new LRUCache<string, Attachment>({ max: RENDERED_LIMIT });
  private readonly stale = new LRUCache<string, StaleCopy>({ max: STALE_LIMIT });
  private timer: NodeJS.Timeout | undefined;
  private readonly stalePass: NodeJS.Timeout;

  constructor(private readonly deps: CardUpdaterDeps) {
    this.stalePass = setInterval(() => this.recoverStale(), STALE_PASS_MS).unref();
  }

  /**
   * Tries again, with bounded effort, the copies whose update was given up (Teams throttled or failed for
   * longer than the retries last); also run after any update that gets through to their conversation.
   */
  recoverStale(conversation?: string): void {
    if (this.stale.size === 0) return;
    let tried = 0;
    for (const copy of [...this.stale.values()]) {
      if (tried >= STALE_PER_PASS) break;
      if (conversation && conversationOf(copy.address) !== conversation) continue;
      tried++;
      copy.passes++;
      this.enqueueCopy(copy);
    }
  }

  close(): void {
    clearInterval(this.stalePass);
  }

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

  private enqueue(engagement: Engagement, post: CardPost): void {
    const { activityId, card } = post;
    this.enqueueCopy({
      engagementId: engagement.id,
      activityId,
      card,
      address: addressOf(engagement, post),
      passes: 0,
    });
  }

  /** Queues one copy's update; the job holds ids only, so a long backlog costs little memory. */
  private enqueueCopy(copy: StaleCopy): void {
    const { engagementId, activityId, card, address } = copy;
    this.deps.queue.enqueue(
      cardUpdateJob(
        conversationOf(address),
        activityId,
        { engagementId, card },
        () => this.send(engagementId, activityId),
        () => this.markStale(copy),
      ),
    );
  }

  private markStale(copy: StaleCopy): void {
    const known = this.stale.get(copy.activityId);
    const passes = Math.max(copy.passes, known?.passes ?? 0);
    if (passes >= STALE_MAX_PASSES) return this.forgetStale(copy.activityId);
    if (!known) this.deps.metrics.add('cardUpdates.stale', { engagementId: copy.engagementId });
    this.stale.set(copy.activityId, { ...copy, passes });
  }

  private forgetStale(activityId: string): void {
    const known = this.stale.get(activityId);
    if (!known) return;
    this.stale.delete(activityId);
    this.deps.metrics.add('cardUpdates.stale', { engagementId: known.engagementId }, -1);
  }

  private async send(engagementId: string, activityId: string): Promise<void> {
    const current = (await this.deps.store.get(engagementId))?.value;
    const post = current?.posts.find((p) => p.activityId === activityId);
    if (!current || !post || (this.shown.get(activityId) ?? 0) >= current.revision) return this.forgetStale(activityId);
    const attachment = this.renderOnce(current, post);
    await this.deps.connector.update(addressOf(current, post), activityId, {
      type: 'message',
      attachments: [attachment],
    });
    this.remember(activityId, current.revision);
    this.forgetStale(activityId);
    // Teams takes updates in this conversation again: the copies given up there can be brought current.
    this.recoverStale(conversationOf(addressOf(current, post)));
    const after = (await this.deps.store.get(engagementId))?.value;
    if (after && after.revision > current.revision) this.schedule(after, [post.card]);
  }

  private renderOnce(engagement: Engagement, post: CardPost): Attachment {
    const viewer = post.viewer ? personKey(post.viewer) : '';
    const key = `${engagement.id}|${engagement.revision}|${post.card}|${viewer}`;
    let attachment = this.rendered.get(key);
    if (!attachment) {
      attachment = this.deps.render(engagement, post);
      this.rendered.set(key, attachment);
    }
    return attachment;
  }

  private remember(activityId: string, revision: number): void {
    this.shown.set(activityId, Math.max(revision, this.shown.get(activityId) ?? 0));
  }
}
