import { createHash } from 'node:crypto';
import { MessageFactory, type Attachment, type TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import type { PeopleDirectory } from '../../app/people';
import type { Logger } from '../../logger';
import { personKey } from '../../domain/people';
import type { PersonalCard, PersonRecord } from '../../domain/reminderRecords';
import type { BotDeps } from '../deps';
import { MOVED_NOTICE } from '../views/cardKeys';
import { digestView } from '../views/digest';
import { jsonText } from '../jsonText';
import type { BotConnector } from '../outbound/botConnector';
import { cardUpdateJob, type OutboundQueue } from '../outbound/outboundQueue';
import { COALESCE_MS } from './cardUpdater';
import { myTaskList } from './taskLists';
import { actorOf } from '../turn/turnFacts';

/** How many sent cards' contents are remembered, so an unchanged card is not sent again. */
const SENT_LIMIT = 10_000;

export interface PersonalCardsDeps {
  people: PeopleDirectory;
  queue: OutboundQueue;
  connector: BotConnector;
  /** The card as it stands now for the person: their `my tasks`, or their digest as of now. */
  render(record: PersonRecord, card: PersonalCard): Promise<Attachment>;
  /** What a retired copy shows. */
  pointer: Attachment;
  logger: Logger;
}

/** How the person's kept cards are rendered: as their own `my tasks` and digest answer with. */
export function personalCardsRendering(deps: BotDeps): Pick<PersonalCardsDeps, 'render' | 'pointer'> {
  return {
    async render(record, card) {
      const viewer = { person: record.person, ...(record.timeZone && { timeZone: record.timeZone }) };
      if (card.card === 'myTasks') return deps.renderer.attachment('taskList', await myTaskList(deps, viewer));
      return deps.renderer.attachment('digest', digestView(await deps.digests.current(record.person), 'now'));
    },
    pointer: deps.renderer.attachment('notice', MOVED_NOTICE),
  };
}

const fingerprint = (attachment: Attachment): string =>
  createHash('sha256').update(jsonText(attachment.content)).digest('base64url');

/**
 * Keeps the cards in people's 1:1 chats current (`my tasks`, digests) after a change to an engagement they
 * hold a role in. Each card is rendered when its update is sent, from the store as it is then, and is not
 * sent when it would show what it already shows.
 */
export class PersonalCards {
  private readonly pending = new Set<string>();
  private readonly sent = new LRUCache<string, string>({ max: SENT_LIMIT });
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;

  constructor(private readonly deps: PersonalCardsDeps) {}

  /** The people whose cards may show a change: an engagement's members. */
  schedule(personKeys: string[]): void {
    for (const key of personKeys) this.pending.add(key);
    this.timer ??= setTimeout(() => (this.flushing = this.flush()), COALESCE_MS);
  }

  /**
   * Posts `my tasks` in the person's 1:1 chat and keeps it current from now on; the copies it retires
   * (beyond the newest) become a pointer to it.
   */
  async postMyTasks(turn: TurnContext, attachment: Attachment): Promise<void> {
    const sent = await turn.sendActivity(MessageFactory.attachment(attachment));
    if (!sent?.id) return;
    this.sent.set(sent.id, fingerprint(attachment));
    const key = personKey(actorOf(turn));
    const posted = { card: 'myTasks' as const, activityId: sent.id, conversationId: turn.activity.conversation.id };
    const pointer = MessageFactory.attachment(this.deps.pointer);
    const serviceUrl = turn.activity.serviceUrl;
    for (const retired of await this.deps.people.keepCard(key, posted)) {
      const to = { serviceUrl, conversationId: retired.conversationId };
      this.deps.queue.enqueue(
        cardUpdateJob(`${serviceUrl}|${to.conversationId}`, retired.activityId, { card: retired.card }, async () => {
          await this.deps.connector.update(to, retired.activityId, pointer);
          this.sent.delete(retired.activityId);
        }),
      );
    }
  }

  /** Resolves once the scheduled updates are queued (the queue's own idle waits for them to be sent). */
  async queued(): Promise<void> {
    while (this.timer || this.flushing) {
      if (this.timer) await new Promise((resolve) => setTimeout(resolve, COALESCE_MS));
      else await this.flushing;
    }
  }

  close(): void {
    clearTimeout(this.timer);
  }

  private async flush(): Promise<void> {
    this.timer = undefined;
    const keys = [...this.pending];
    this.pending.clear();
    try {
      for (const record of await this.deps.people.withCards(keys))
        for (const card of record.cards ?? []) this.enqueue(record, card);
    } catch (error) {
      // The cards keep what they showed; the next change, or the person's next click, brings them current.
      this.deps.logger.warn({ err: error, people: keys.length }, 'could not read whose 1:1 cards to update');
    } finally {
      this.flushing = undefined;
    }
  }

  private enqueue(record: PersonRecord, card: PersonalCard): void {
    const to = { serviceUrl: record.serviceUrl, conversationId: card.conversationId };
    // A card Teams would not take stays as it was; the person's next click answers with the current one.
    this.deps.queue.enqueue(
      cardUpdateJob(`${to.serviceUrl}|${to.conversationId}`, card.activityId, { card: card.card }, async () => {
        const attachment = await this.deps.render(record, card);
        const shows = fingerprint(attachment);
        if (this.sent.get(card.activityId) === shows) return;
        await this.deps.connector.update(to, card.activityId, { type: 'message', attachments: [attachment] });
        this.sent.set(card.activityId, shows);
      }),
    );
  }
}
