import type { CardPost } from '../../src/domain/types';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { KEY_INPUTS_CARD, SUMMARY_CARD, workshopCardKey } from '../../src/teams/views/cardKeys';
import { anEngagement, seedPlaybook } from '../fixtures/engagement';
import type { FakeConnector } from '../fixtures/fakeConnector';
import { channelOf } from './actions';

const CARDS = [KEY_INPUTS_CARD, ...seedPlaybook.workshops.map((w) => workshopCardKey(w.name)), SUMMARY_CARD];

/** The activity id of a card posted in channel n, as the seeded engagements remember it. */
export const postedId = (n: number, card: string): string => `posted-${n}-${card}`;

/**
 * Engagements in channels first … first + count - 1, each with its cards posted once, written straight to
 * the bot's SQLite file before it starts: what a thousand setups would leave, in a fraction of the time.
 */
export async function seedEngagements(dataDir: string, connector: FakeConnector, first: number, count: number) {
  const store = openSqliteStores(dataDir);
  try {
    for (let n = first; n < first + count; n++) {
      const channel = channelOf(n);
      const engagement = anEngagement({
        customerName: `Customer ${n}`,
        channelId: channel,
        conversationId: channel,
        serviceUrl: connector.serviceUrl,
      });
      const posts: CardPost[] = CARDS.map((card) => ({ card, activityId: postedId(n, card), conversationId: channel }));
      await store.engagements.create({ ...engagement, posts });
    }
  } finally {
    await store.close();
  }
}
