import { MessageFactory } from 'botbuilder';
import type { OfferPoster } from '../../app/playbookUpdates';
import { newestTitle } from '../../playbook/catalog';
import type { BotDeps } from '../deps';
import type { BotConnector } from '../outbound/botConnector';
import type { OutboundQueue } from '../outbound/outboundQueue';
import { playbookUpdateView } from '../views/playbookUpdate';
import type { EngagementCards } from './engagementCards';

/**
 * Posts what a newer playbook changes for an engagement in its channel, through the outbound queue (paced
 * under Teams' limits, retried), and has the summary say a newer version is available.
 */
export function playbookOfferPoster(
  deps: BotDeps,
  queue: OutboundQueue,
  connector: BotConnector,
  cards: EngagementCards,
): OfferPoster {
  return async (engagement, diff) => {
    const title = newestTitle(deps.catalog, engagement.playbookId);
    const card = deps.renderer.attachment('playbookUpdate', playbookUpdateView(engagement, diff, title, true));
    const to = { serviceUrl: engagement.serviceUrl, conversationId: engagement.conversationId };
    queue.enqueue({
      conversation: `${to.serviceUrl}|${to.conversationId}`,
      kind: 'messages',
      idempotent: false,
      labels: { engagementId: engagement.id, card: 'playbookUpdate' },
      run: async () => void (await connector.send(to, MessageFactory.attachment(card))),
    });
    cards.changed(engagement, { kind: 'playbookUpdate' });
  };
}
