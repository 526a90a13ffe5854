import { MessageFactory } from 'botbuilder';
import { plain } from '../views/format';
import { UnreachableError, type Notifier } from '../../app/digestDelivery';
import type { PersonalCard, PersonRecord } from '../../domain/reminderRecords';
import type { Digest } from '../../domain/reminders';
import type { Engagement } from '../../domain/types';
import type { CardRenderer } from './renderer';
import type { BotConnector } from '../outbound/botConnector';
import { ConnectorError } from '../outbound/connectorHttp';
import { cardUpdateJob, type OutboundJob, type OutboundQueue } from '../outbound/outboundQueue';
import { MOVED_NOTICE } from '../views/cardKeys';
import { digestView } from '../views/digest';

const UNREACHABLE = new Set([403, 404]);

/**
 * Sends digests and notices through the outbound queue (paced, throttled, retried), without a turn: into
 * the person's 1:1 chat, which is created from their Teams user id when there is none yet.
 */
export class TeamsNotifier implements Notifier {
  constructor(
    private readonly connector: BotConnector,
    private readonly queue: OutboundQueue,
    private readonly renderer: CardRenderer,
    private readonly botIdFallback: string,
  ) {}

  sendDigest(person: PersonRecord, digest: Digest): Promise<{ conversationId: string; activityId?: string }> {
    const card = MessageFactory.attachment(this.renderer.attachment('digest', digestView(digest)));
    let conversationId = person.conversationId;
    return this.enqueue(conversationId ?? `new:${person.key}`, { digest: digest.kind }, async () => {
      conversationId ??= await this.openChat(person);
      const { id } = await this.connector.send({ serviceUrl: person.serviceUrl, conversationId }, card);
      return { conversationId, ...(id && { activityId: id }) };
    });
  }

  async retireCards(person: PersonRecord, cards: PersonalCard[]): Promise<void> {
    const pointer = MessageFactory.attachment(this.renderer.attachment('notice', MOVED_NOTICE));
    for (const card of cards) {
      const to = { serviceUrl: person.serviceUrl, conversationId: card.conversationId };
      this.queue.enqueue(
        cardUpdateJob(`${to.serviceUrl}|${to.conversationId}`, card.activityId, { card: card.card }, async () => {
          await this.connector.update(to, card.activityId, pointer);
        }),
      );
    }
  }

  async announceUnreachable(engagement: Engagement, names: string[]): Promise<void> {
    const text =
      `I could not reach ${names.map(plain).join(', ')} with reminders: Teams says the app was blocked or removed. ` +
      'I will try again once they talk to me.';
    const to = { serviceUrl: engagement.serviceUrl, conversationId: engagement.conversationId };
    await this.enqueue(`${to.serviceUrl}|${to.conversationId}`, { engagementId: engagement.id }, async () => {
      await this.connector.send(to, MessageFactory.text(text));
    });
  }

  private async openChat(person: PersonRecord): Promise<string> {
    const { id } = await this.connector.createConversation(person.serviceUrl, {
      isGroup: false,
      bot: { id: person.botId ?? this.botIdFallback },
      members: [{ id: person.person.id, name: person.person.name }],
      tenantId: person.tenantId,
      channelData: { tenant: { id: person.tenantId } },
    });
    return id;
  }

  /** Runs `send` as a job of the conversation's lane and settles when it was sent or given up. */
  private enqueue<T>(conversation: string, labels: Record<string, string>, send: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: OutboundJob = {
        conversation,
        kind: 'messages',
        idempotent: false,
        labels,
        run: async () => resolve(await send()),
        gaveUp: (error) => {
          const status = error instanceof ConnectorError ? error.status : 0;
          reject(UNREACHABLE.has(status) ? new UnreachableError(status) : error);
        },
      };
      this.queue.enqueue(job);
    });
  }
}
