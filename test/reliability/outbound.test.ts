import { CARDS_NOT_POSTED } from '../../src/teams/actions/setupActions';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { texts } from '../fixtures/cardText';
import { report } from './figures';
import { clickIn, sayIn, setUpIn, summaryTexts, testChannel, until, updatesIn } from './channels';

jest.setTimeout(60_000);

const A = testChannel('slow-a');
const B = testChannel('fast-b');
let harness: BotHarness;

beforeEach(async () => {
  harness = await startHarness({ CONNECTOR_TIMEOUT_MS: '1000' }, { logs: true });
});
afterEach(async () => {
  await harness.stop();
});

async function twoChannels(): Promise<void> {
  await setUpIn(harness, A);
  await setUpIn(harness, B);
  harness.connector.clear();
}

describe('card updates to Teams: one slow conversation never holds up another', () => {
  it('a conversation whose calls never answer delays only itself, and catches up once Teams answers', async () => {
    await twoChannels();
    harness.connector.hang((conversation) => conversation === A.conversationId);
    const clicked = Date.now();
    await clickIn(harness, A, 'task.complete', '2533');
    await clickIn(harness, B, 'task.complete', '2533');
    const bWaited = await until(() => summaryTexts(harness, B).length > 0, 5000, "B's summary update");
    expect(summaryTexts(harness, B)[0]).toContain('1 of 7 mandatory tasks done; 6 open.');
    expect(updatesIn(harness, A)).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(harness.bot.metrics.count('outbound.timedOut')).toBeGreaterThanOrEqual(1);
    harness.connector.hang(() => false);
    await harness.bot.idle(20_000);
    expect(summaryTexts(harness, A).at(-1)).toContain('1 of 7 mandatory tasks done; 6 open.');
    report('hung conversation', {
      "B's update after the click (ms)": bWaited,
      'A caught up after (ms)': Date.now() - clicked,
    });
  });

  it('200 messages whose replies never come hold at most 32 sockets, each for at most the timeout', async () => {
    await setUpIn(harness, A);
    harness.connector.hang(() => true);
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, harness.bot.openSockets())), 10);
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, () => sayIn(harness, A, 'status')));
    const took = Date.now() - started;
    clearInterval(sampler);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(most).toBeLessThanOrEqual(32);
    // Every reply was abandoned at the 1 s timeout, in waves of at most 32: never held open longer.
    expect(took).toBeLessThan(10_000);
    await until(() => harness.connector.hanging() === 0, 3000, 'the hung requests to be dropped');
    // A socket the agent opened for a call whose deadline had already passed closes a moment after that
    // call's turn has answered: it must close within a moment, never stay open for keep-alive.
    const closedIn = await until(() => harness.bot.openSockets() === 0, 1000, 'every socket to close');
    report('200 abandoned replies', {
      'most open sockets': most,
      'last socket closed after the answers (ms)': closedIn,
      'all answered in (ms)': took,
    });
  });

  it('a Retry-After on one conversation waits out only that conversation', async () => {
    await twoChannels();
    harness.connector.failNextIn(A.conversationId, { status: 429, headers: { 'retry-after': '3' } });
    const clicked = Date.now();
    await clickIn(harness, A, 'task.complete', '2533');
    await clickIn(harness, B, 'task.complete', '2533');
    const bWaited = await until(() => summaryTexts(harness, B).length > 0, 2000, "B's summary update");
    const aWaited = await until(() => summaryTexts(harness, A).length > 0, 10_000, "A's summary update");
    expect(Date.now() - clicked).toBeGreaterThanOrEqual(3000);
    expect(bWaited).toBeLessThan(1500);
    report('Retry-After 3 s on A', { "B's update after (ms)": bWaited, "A's update after (ms)": aWaited });
  });
});

describe('retries that really run, and a visible give-up', () => {
  it('retries a 5xx with backoff until the card is current, counting each retry', async () => {
    await twoChannels();
    harness.connector.failNextIn(A.conversationId, { status: 503 }, { status: 502 }, { status: 500 });
    await clickIn(harness, A, 'task.complete', '2533');
    await harness.bot.idle(20_000);
    expect(harness.bot.metrics.count('cardUpdates.retried')).toBe(3);
    expect(summaryTexts(harness, A).at(-1)).toContain('1 of 7 mandatory tasks done; 6 open.');
  });

  it('gives up after a bounded number of tries with one structured log line and a metric', async () => {
    await twoChannels();
    const throttled = { status: 429, headers: { 'retry-after': '0' } };
    harness.connector.failNextIn(A.conversationId, ...Array.from({ length: 6 }, () => throttled));
    await clickIn(harness, A, 'task.complete', '2533');
    await harness.bot.idle(20_000);
    const givenUp = harness.logs.filter((l) => l.event === 'outbound.givenUp');
    expect(givenUp).toEqual([
      expect.objectContaining({ kind: 'cardUpdates', status: 429, attempts: 6, engagementId: A.engagementId }),
    ]);
    expect(harness.bot.metrics.count('cardUpdates.givenUp')).toBe(1);
  });

  it('gives up at once on a 403, without retrying', async () => {
    await twoChannels();
    harness.connector.failNextIn(A.conversationId, { status: 403 });
    await clickIn(harness, A, 'task.complete', '2533');
    await harness.bot.idle(5000);
    expect(harness.bot.metrics.count('cardUpdates.retried')).toBe(0);
    expect(harness.logs.filter((l) => l.event === 'outbound.givenUp')).toHaveLength(1);
  });
});

describe('a copy whose update was given up', () => {
  const throttled = { status: 429, headers: { 'retry-after': '0' } };
  /** The last state each updated copy in A was sent, by activity id. */
  const lastShown = () => {
    const last = new Map<string, string>();
    for (const put of updatesIn(harness, A)) last.set(put.activityId ?? '', texts(put.body).join('\n'));
    return last;
  };

  /** A click in A whose card updates Teams throttles `times` times in a row: six tries each, then given up. */
  async function clickThrottled(times: number): Promise<void> {
    await twoChannels();
    harness.connector.failNextIn(A.conversationId, ...Array.from({ length: times }, () => throttled));
    await clickIn(harness, A, 'task.complete', '2533');
    await harness.bot.idle(20_000);
  }

  /** Both copies the click changed (the summary and the workshop card) show the state after it. */
  function expectBothCopiesCurrent(): void {
    const shown = [...lastShown().values()];
    expect(shown).toHaveLength(2);
    expect(shown.filter((t) => t.includes('1 of 7 mandatory tasks done; 6 open.'))).toHaveLength(1);
    expect(shown.filter((t) => t.includes('Show 1 finished'))).toHaveLength(1);
    expect(harness.bot.metrics.count('cardUpdates.stale')).toBe(0);
  }

  it('is brought current by the periodic pass once Teams takes updates again, with no further change', async () => {
    await clickThrottled(12);
    expect(harness.bot.metrics.count('cardUpdates.givenUp')).toBe(2);
    const stale = harness.bot.metrics.count('cardUpdates.stale');
    expect(stale).toBe(2);
    expect(updatesIn(harness, A)).toHaveLength(0);
    harness.bot.recoverStaleCards();
    await harness.bot.idle(10_000);
    expectBothCopiesCurrent();
    report('given-up copy, periodic pass', {
      'stale copies before': stale,
      after: harness.bot.metrics.count('cardUpdates.stale'),
    });
  });

  it('is brought current by the next update that gets through to its conversation', async () => {
    await clickThrottled(6);
    expect(harness.bot.metrics.count('cardUpdates.givenUp')).toBe(1);
    expectBothCopiesCurrent();
  });
});

describe('a setup whose cards could not be posted', () => {
  for (const [fault, inject] of [
    ['Teams refused (403)', () => harness.connector.failNextIn(A.conversationId, { status: 403 })],
    ['Teams did not answer', () => harness.connector.hang((c) => c === A.conversationId)],
  ] as const) {
    it(`says so when ${fault}, and the next command posts what is missing`, async () => {
      inject();
      const setup = await setUpIn(harness, A);
      expect(texts((setup.body as { value: unknown }).value)[1]).toContain(CARDS_NOT_POSTED);
      harness.connector.hang(() => false);
      harness.connector.clear();
      await sayIn(harness, A, 'tasks');
      const headings = harness.connector.sent.map((s) => texts(s.body)[1]);
      expect(headings.slice(0, 5)).toEqual([
        'Key Inputs',
        'Identity Security',
        'Device Security',
        'Information Security',
        'Contoso',
      ]);
      harness.connector.clear();
      await sayIn(harness, A, 'tasks');
      expect(harness.connector.sent.map((s) => texts(s.body)[0])).toEqual([
        'Open tasks: SME, FastTrack Manager, FastTrack Engineer',
      ]);
    });
  }

  it('submitting the setup again posts the missing cards instead of answering "Already set up" alone', async () => {
    harness.connector.failNextIn(A.conversationId, { status: 429, headers: { 'retry-after': '0' } });
    await setUpIn(harness, A);
    harness.connector.clear();
    const again = await setUpIn(harness, A);
    expect(texts((again.body as { value: unknown }).value)).toEqual([
      'Already set up',
      'There is already an engagement here, for Contoso. I posted the cards that were missing.',
    ]);
    expect(harness.connector.sent.map((s) => texts(s.body)[1])).toEqual([
      'Key Inputs',
      'Identity Security',
      'Device Security',
      'Information Security',
      'Contoso',
    ]);
  });
});
