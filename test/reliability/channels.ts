import { engagementIdFor } from '../../src/domain/engagement';
import { cardAction, channelMessage, rosterOf, TENANT } from '../fixtures/activities';
import type { BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts } from '../fixtures/cardText';
import { people, seedPlaybook } from '../fixtures/engagement';
import { setupInputs } from '../fixtures/setupChannel';

/** A customer channel of its own, for tests that need several engagements on one bot. */
export interface TestChannel {
  channelId: string;
  /** The conversation the cards are posted in (the setup card's thread). */
  conversationId: string;
  engagementId: string;
}

export const testChannel = (name: string): TestChannel => {
  const channelId = `19:${name}@thread.tacv2`;
  return { channelId, conversationId: `${channelId};messageid=1`, engagementId: engagementIdFor(TENANT, channelId) };
};

export async function setUpIn(harness: BotHarness, channel: TestChannel) {
  harness.connector.members = rosterOf(Object.values(people));
  const submit = cardAction(harness.connector.serviceUrl, people.manager, 'setup.submit', setupInputs(seedPlaybook), {
    channelId: channel.channelId,
  });
  return harness.post(submit);
}

export function clickIn(harness: BotHarness, channel: TestChannel, verb: string, taskId: string, replyToId?: string) {
  const data = { engagementId: channel.engagementId, taskId };
  return harness.post(
    cardAction(harness.connector.serviceUrl, people.manager, verb, data, { channelId: channel.channelId, replyToId }),
  );
}

export function sayIn(harness: BotHarness, channel: TestChannel, text: string) {
  const message = channelMessage(harness.connector.serviceUrl, people.manager, text);
  return harness.post({
    ...message,
    conversation: { ...message.conversation, id: channel.conversationId },
    channelData: { ...message.channelData, channel: { id: channel.channelId } },
  });
}

/** Card updates (PUTs) the connector received in a conversation, oldest first. */
export const updatesIn = (harness: BotHarness, channel: TestChannel) =>
  harness.connector.sent.filter((s) => s.method === 'PUT' && s.conversationId === channel.conversationId);

/** The summary card updates of a conversation, as the text they show. */
export const summaryTexts = (harness: BotHarness, channel: TestChannel) =>
  cardsIn(updatesIn(harness, channel).map((s) => s.body))
    .map(texts)
    .filter((t) => t[1] === 'Contoso');

export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}
