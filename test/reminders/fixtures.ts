import type { BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts } from '../fixtures/cardText';
import { people } from '../fixtures/engagement';
import type { SentActivity } from '../fixtures/fakeConnector';

export const chatOf = (person: { id: string }) => `a:chat-${person.id}`;

/** The digest cards each person received in their 1:1 chat (created by the bot, or theirs), as text lines. */
export function digestsSent(harness: BotHarness, since = 0): Map<string, string[][]> {
  const byPerson = new Map<string, string[][]>();
  for (const sent of harness.connector.sent.slice(since) as SentActivity[]) {
    if (sent.method !== 'POST' || !sent.conversationId.startsWith('a:')) continue;
    const name = Object.values(people).find((p) => sent.conversationId.endsWith(p.id))?.name ?? sent.conversationId;
    byPerson.set(name, [...(byPerson.get(name) ?? []), ...cardsIn([sent.body]).map(texts)]);
  }
  return byPerson;
}

/** The task ids a digest card lists as rows, in order. */
export const rowsOf = (card: string[]): string[] =>
  card.filter((t) => /^\*\*\d{4}\*\* · /.test(t)).map((t) => t.slice(2, 6));
