import { COPIES_KEPT } from '../../src/app/engagementSetup';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardAction, channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonsOf, cardsIn, texts, type Card } from '../fixtures/cardText';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

let harness: BotHarness;
let engagementId: string;
beforeEach(async () => {
  harness = await startHarness();
  await setUpChannel(harness);
  engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  harness.connector.clear();
});
afterEach(async () => {
  await harness.stop();
});

const complete = (taskId: string) =>
  harness.post(cardAction(harness.connector.serviceUrl, people.manager, 'task.complete', { engagementId, taskId }));
const summaryUpdates = () =>
  cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body)).filter(
    (c) => texts(c)[1] === 'Contoso',
  );

describe('keeping the posted cards current', () => {
  it('merges a burst of changes into one summary update showing the newest state', async () => {
    for (const taskId of ['2533', '2460', '4084', '4079', '4078']) await complete(taskId);
    await harness.bot.idle();
    const updates = summaryUpdates();
    expect(updates).toHaveLength(1);
    expect(texts(updates[0])).toContain('5 of 7 mandatory tasks done; 2 open.');
  });

  it('waits out a 429 with Retry-After and then updates the card', async () => {
    harness.connector.failNext({ status: 429, headers: { 'retry-after': '1' } });
    const started = Date.now();
    await complete('2533');
    await harness.bot.idle();
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(texts(summaryUpdates()[0])).toContain('1 of 7 mandatory tasks done; 6 open.');
  });

  it('retries a 5xx from the Bot Connector', async () => {
    harness.connector.failNext({ status: 503 }, { status: 502 });
    await complete('2533');
    await harness.bot.idle();
    expect(summaryUpdates()).toHaveLength(1);
  });

  it('gives up on a 403 without retrying, and the action itself still succeeds', async () => {
    harness.connector.failNext({ status: 403 });
    const response = await complete('2533');
    expect((response.body as { type: string }).type).toBe('application/vnd.microsoft.card.adaptive');
    await harness.bot.idle();
    // Two cards were due an update (the summary and the workshop card); the refused one is not retried at
    // once, only brought current after the other update got through to the same conversation.
    expect(harness.bot.metrics.count('cardUpdates.retried')).toBe(0);
    expect(harness.bot.metrics.count('cardUpdates.givenUp')).toBe(1);
    const puts = harness.connector.sent.filter((s) => s.method === 'PUT');
    expect(new Set(puts.map((p) => p.activityId)).size).toBe(2);
    expect(harness.bot.metrics.count('cardUpdates.stale')).toBe(0);
  });
});

describe('every copy a person sees is current', () => {
  it('the copy a person clicked is updated for everyone too: the answer with their buttons reaches only them', async () => {
    const store = openSqliteStores(harness.dataDir);
    const posts = (await store.engagements.get(engagementId))!.value.posts;
    await store.close();
    const clicked = posts.find((p) => p.card === 'workshop:Identity Security')!.activityId;
    const data = { engagementId, taskId: '2533' };
    const click = cardAction(harness.connector.serviceUrl, people.manager, 'task.complete', data, {
      replyToId: clicked,
    });
    const answer = (await harness.post(click)).body as { value: Card };
    expect(buttonsOf(answer.value)).toContain('Reopen');
    await harness.bot.idle();
    const shared = harness.connector.sent.filter((s) => s.method === 'PUT' && s.activityId === clicked);
    expect(shared).toHaveLength(1);
    const [card] = cardsIn([shared[0]!.body]);
    expect(texts(card)).toContain('1 of 1 mandatory task done');
    expect(buttonsOf(card!)).not.toContain('Reopen');
    expect(buttonsOf(card!)).toContain('Refresh');
  });

  it('keeps the newest three copies of a card current and points the older ones to the newest', async () => {
    const say = (text: string) => harness.post(channelMessage(harness.connector.serviceUrl, people.manager, text));
    for (let i = 0; i < 4; i++) await say('status');
    await harness.bot.idle();
    const moved = harness.connector.sent.filter((s) => s.method === 'PUT');
    // Setup posted one copy and `status` four more: the two oldest now point to the newest.
    expect(moved.map((s) => texts(s.body))).toEqual(
      Array(2).fill(['Moved', 'This card was posted again further down; the newest copy is the one kept up to date.']),
    );
    const store = openSqliteStores(harness.dataDir);
    const posts = (await store.engagements.get(engagementId))!.value.posts;
    await store.close();
    const summaries = posts.filter((p) => p.card === 'summary').map((p) => p.activityId);
    expect(summaries).toHaveLength(COPIES_KEPT);
    expect(summaries).not.toContain(moved[0]!.activityId);
    expect(summaries).not.toContain(moved[1]!.activityId);
    harness.connector.clear();
    await complete('2533');
    await harness.bot.idle();
    const updated = harness.connector.sent.filter((s) => s.method === 'PUT' && texts(s.body)[1] === 'Contoso');
    expect(updated.map((s) => s.activityId).sort()).toEqual([...summaries].sort());
    expect(updated.every((s) => texts(s.body).includes('1 of 7 mandatory tasks done; 6 open.'))).toBe(true);
  });
});
