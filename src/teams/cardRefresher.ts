import { TurnContext, type Attachment, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from '../logger';

interface Pending {
  reference: Partial<ConversationReference>;
  revision: number;
  render: () => Attachment;
  attempts: number;
}

export interface CardUpdate {
  activityId: string;
  revision: number;
  render: () => Attachment;
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);
/**
 * Updates wait this long to be merged: Teams allows about 7 messages a second per conversation,
 * so each posted card is updated at most 5 times a second however fast people click.
 */
export const COALESCE_MS = 200;
const MAX_ATTEMPTS = 6;

function retryDelayMs(error: unknown, attempt: number): number {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers;
  const retryAfter = Number(headers?.get?.('retry-after'));
  const base = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 250 * 2 ** attempt;
  return base + Math.random() * 250;
}

/**
 * Updates posted cards in the background, newest state only: when many people act at once, each
 * card is updated once with the latest engagement rather than once per click, which also keeps the
 * bot under Teams' per-conversation rate limits. A 429 or 5xx is retried after Retry-After.
 */
export class CardRefresher {
  private readonly pending = new Map<string, Pending>();
  private readonly sent = new Map<string, number>();
  private draining: Promise<void> | undefined;
  private retries = 0;

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly logger: Logger,
  ) {}

  schedule(turn: TurnContext, updates: CardUpdate[]): void {
    const reference = TurnContext.getConversationReference(turn.activity);
    for (const update of updates) this.enqueue(update.activityId, { ...update, reference, attempts: 0 });
  }

  /** Resolves when nothing is waiting to be sent (for graceful shutdown and tests). */
  async idle(): Promise<void> {
    while (this.draining || this.retries > 0) {
      await (this.draining ?? new Promise((resolve) => setTimeout(resolve, 50)));
    }
  }

  private enqueue(activityId: string, entry: Pending): void {
    const newest = Math.max(this.pending.get(activityId)?.revision ?? 0, this.sent.get(activityId) ?? 0);
    if (entry.revision < newest) return;
    this.pending.set(activityId, entry);
    this.draining ??= this.drain().finally(() => (this.draining = undefined));
  }

  private async drain(): Promise<void> {
    while (this.pending.size > 0) {
      await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
      const batch = [...this.pending];
      this.pending.clear();
      await Promise.all(batch.map(([activityId, entry]) => this.send(activityId, entry)));
    }
  }

  private async send(activityId: string, entry: Pending): Promise<void> {
    try {
      await this.adapter.continueConversationAsync(this.appId, entry.reference, async (turn) => {
        await turn.updateActivity({ type: 'message', attachments: [entry.render()], id: activityId });
      });
      this.sent.set(activityId, Math.max(entry.revision, this.sent.get(activityId) ?? 0));
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? 0;
      if (!RETRYABLE.has(status) || entry.attempts + 1 >= MAX_ATTEMPTS) {
        this.logger.warn({ err: error, status, activityId }, 'could not update a posted card');
        return;
      }
      this.retries++;
      setTimeout(
        () => {
          this.retries--;
          this.enqueue(activityId, { ...entry, attempts: entry.attempts + 1 });
        },
        retryDelayMs(error, entry.attempts),
      ).unref();
    }
  }
}
