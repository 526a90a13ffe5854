import { rmSync } from 'node:fs';
import { personKey } from '../../src/domain/people';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardAction, channelMessage, personalMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts } from '../fixtures/cardText';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';
import { testClock } from '../fixtures/clock';
import { chatOf, digestsSent, rowsOf } from './fixtures';

jest.setTimeout(60_000);

// Identity Security was due on Friday 27 Nov, Device Security is due Thursday 3 Dec, Information has no date.
const TARGETS = ['2026-11-27', '2026-12-03', ''];
const MONDAY_9 = '2026-11-30T09:00:00Z';
const clock = testClock('2026-11-30T08:00:00Z');
let harness: BotHarness;
let engagementId: string;

beforeEach(async () => {
  clock.set('2026-11-30T08:00:00Z');
  // The test runs every sweep itself.
  harness = await startHarness({ REMINDER_SWEEP_SECONDS: '3600' }, { now: clock.now });
  await setUpChannel(harness, { targetDates: TARGETS });
  engagementId = /"engagementId":"(eng-[0-9a-f]+)"/.exec(JSON.stringify(harness.connector.sent))?.[1] ?? '';
  harness.connector.clear();
});
afterEach(async () => {
  await harness.stop();
});

async function sweepAt(iso: string) {
  clock.set(iso);
  const since = harness.connector.sent.length;
  const result = await harness.bot.sweepReminders();
  return { result, digests: digestsSent(harness, since) };
}

describe('scheduled digests', () => {
  it('on Monday at 9 each role owner gets one weekly digest of all their outstanding mandatory tasks', async () => {
    const { digests } = await sweepAt(MONDAY_9);
    expect([...digests.keys()].sort()).toEqual(['Erin', 'Maria', 'Sam']);
    const sam = digests.get('Sam')!;
    expect(sam).toHaveLength(1);
    expect(sam[0]![0]).toBe('Your week ahead · 30 Nov 2026');
    expect(rowsOf(sam[0]!)).toEqual(['2533', '4084', '4078', '3997']);
    expect(sam[0]).toContain('Identity Security · SME · Overdue by 1 business day (due 27 Nov 2026)');
    expect(harness.connector.sent.filter((s) => s.method === 'CREATE')).toHaveLength(3);
  });

  it('nothing is sent twice: a second sweep the same day, or before 9, sends nothing', async () => {
    expect((await sweepAt('2026-11-30T08:59:00Z')).digests.size).toBe(0);
    await sweepAt(MONDAY_9);
    expect((await sweepAt('2026-11-30T15:00:00Z')).digests.size).toBe(0);
  });

  it('on other days only what is due soon or overdue; nothing outstanding, nothing sent', async () => {
    await sweepAt(MONDAY_9);
    const { digests } = await sweepAt('2026-12-01T09:00:00Z');
    expect(rowsOf(digests.get('Sam')![0]!)).toEqual(['2533', '4084', '4078']);
    expect(digests.has('Erin')).toBe(false);
  });

  it('no digest on a weekend', async () => {
    await sweepAt(MONDAY_9);
    for (const day of ['2026-12-05T09:00:00Z', '2026-12-06T09:00:00Z'])
      expect((await sweepAt(day)).digests.size).toBe(0);
  });

  it('escalates a task overdue by 3 business days to the FastTrack Manager, naming its owner', async () => {
    await sweepAt(MONDAY_9);
    const { digests } = await sweepAt('2026-12-02T09:00:00Z');
    const maria = digests.get('Maria')![0]!;
    expect(maria).toContain('Escalated to you as FastTrack Manager');
    expect(maria).toContain(
      '**2533** · Azure AD Premium – Technical Workshop — SME: Sam · Overdue by 3 business days (due 27 Nov 2026)',
    );
  });

  it('goes out at 9 in the time zone Teams reports for the person', async () => {
    clock.set('2026-11-29T12:00:00Z');
    await harness.post({
      ...personalMessage(harness.connector.serviceUrl, people.sme, 'help'),
      localTimezone: 'Asia/Tokyo',
    });
    harness.connector.clear();
    expect((await sweepAt('2026-11-30T00:00:00Z')).digests.has('Sam')).toBe(true);
  });

  it('knows a zone however Teams spells it: kept in its own spelling, and not written again for another', async () => {
    clock.set('2026-11-29T12:00:00Z');
    const sayIn = (zone: string) =>
      harness.post({ ...personalMessage(harness.connector.serviceUrl, people.sme, 'help'), localTimezone: zone });
    const store = openSqliteStores(harness.dataDir);
    const record = () => store.reminders.getPerson(personKey(people.sme));
    await sayIn('asia/TOKYO');
    const first = await record();
    await sayIn('Asia/Tokyo');
    const second = await record();
    await store.close();
    expect(first?.value.timeZone).toBe('Asia/Tokyo');
    expect(second?.etag).toBe(first?.etag);
    harness.connector.clear();
    expect((await sweepAt('2026-11-30T00:00:00Z')).digests.has('Sam')).toBe(true);
  });
});

describe('delivery', () => {
  it('waits out a 429 and retries a 500, then delivers once', async () => {
    harness.connector.failNextIn(chatOf(people.sme), { status: 429, headers: { 'retry-after': '1' } }, { status: 500 });
    const { digests } = await sweepAt(MONDAY_9);
    expect(digests.get('Sam')).toHaveLength(1);
    expect(harness.bot.metrics.count('messages.retried')).toBe(2);
  });

  for (const status of [403, 404]) {
    it(`someone Teams answers ${status} for is unreachable: named to the manager, told once in the channel, not retried until they talk to the bot`, async () => {
      harness.connector.failNextIn(chatOf(people.sme), { status });
      const first = await sweepAt(MONDAY_9);
      expect(first.digests.has('Sam')).toBe(false);
      const channelNotes = () =>
        harness.connector.sent.filter((s) => String(s.body.text ?? '').startsWith('I could not reach Sam'));
      expect(channelNotes()).toHaveLength(1);
      const tuesday = await sweepAt('2026-12-01T09:00:00Z');
      expect(tuesday.digests.has('Sam')).toBe(false);
      expect(tuesday.digests.get('Maria')![0]).toContain(
        'Sam cannot be reached by the bot (blocked or removed the app).',
      );
      expect(channelNotes()).toHaveLength(1);
      await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'my tasks'));
      expect((await sweepAt('2026-12-02T09:00:00Z')).digests.has('Sam')).toBe(true);
    });
  }
});

describe('acting from a digest', () => {
  const fromDigest = (who = people.sme, verb: string, data: Record<string, string>) =>
    harness.post(cardAction(harness.connector.serviceUrl, who, verb, { engagementId, ...data }, { personal: true }));

  it('completing a task from the digest updates the channel cards and the digest', async () => {
    await sweepAt(MONDAY_9);
    harness.connector.clear();
    const answer = await fromDigest(people.sme, 'digest.complete', { taskId: '2533' });
    const card = texts((answer.body as { value: unknown }).value);
    expect(rowsOf(card)).toEqual(['4084', '4078', '3997']);
    await harness.bot.idle();
    const updated = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body)).map(texts);
    expect(updated.some((t) => t.includes('1 of 7 mandatory tasks done; 6 open.'))).toBe(true);
  });

  it('a customer cannot complete a task from a forged digest action, and nothing changes', async () => {
    const answer = await fromDigest(people.customer, 'digest.complete', { taskId: '2533' });
    expect((answer.body as { value: unknown }).value).toBe(
      'Only SME or FastTrack Manager can do that here. Nothing was changed.',
    );
    const store = openSqliteStores(harness.dataDir);
    const stored = (await store.engagements.get(engagementId))?.value;
    await store.close();
    expect(stored?.tasks.find((t) => t.id === '2533')?.status).toBe('notStarted');
    expect(stored?.revision).toBe(2);
  });

  it('a snoozed task stays out of my digests until the snooze ends', async () => {
    await sweepAt(MONDAY_9);
    await fromDigest(people.sme, 'digest.snooze', { taskId: '2533', days: '3' });
    expect(rowsOf((await sweepAt('2026-12-01T09:00:00Z')).digests.get('Sam')![0]!)).toEqual(['4084', '4078']);
    expect(rowsOf((await sweepAt('2026-12-03T09:00:00Z')).digests.get('Sam')![0]!)[0]).toBe('2533');
  });

  it('refuses a snooze of another length', async () => {
    const answer = await fromDigest(people.sme, 'digest.snooze', { taskId: '2533', days: '30' });
    expect((answer.body as { value: unknown }).value).toBe('Please check the number of days: it must be 1, 3 or 7.');
  });
});

describe('remind', () => {
  const remind = async (who = people.manager) => {
    const since = harness.connector.sent.length;
    await harness.post(channelMessage(harness.connector.serviceUrl, who, 'remind'));
    const said = harness.connector.sent.slice(since).filter((s) => !s.conversationId.startsWith('a:chat-'));
    return { answer: said.map((s) => s.body.text).at(-1), digests: digestsSent(harness, since) };
  };

  it("sends the engagement's digests now, once a day per person, and says who was reminded when", async () => {
    clock.set('2026-11-30T08:15:00Z');
    const first = await remind();
    expect(first.answer).toBe("Reminded Sam, Erin and Maria about Contoso's outstanding mandatory tasks.");
    expect(rowsOf(first.digests.get('Erin')![0]!)).toEqual(['3747']);
    const second = await remind();
    expect(second.digests.size).toBe(0);
    expect(second.answer).toBe(
      'Already reminded today, so not again: Sam at 08:15 (UTC), Erin at 08:15 (UTC) and Maria at 08:15 (UTC).',
    );
    expect((await sweepAt(MONDAY_9)).digests.size).toBe(0);
  });

  it('a reminder Teams did not take can be tried again the same day', async () => {
    harness.connector.failNextIn(chatOf(people.engineer), { status: 400 });
    const first = await remind();
    expect(first.answer).toContain('Teams did not take the reminder for Erin; try again later.');
    const second = await remind();
    expect([...second.digests.keys()]).toEqual(['Erin']);
  });

  it('anyone but the FastTrack Manager gets a one-line refusal and nothing is sent', async () => {
    const refused = await remind(people.sme);
    expect(refused.answer).toBe('Only FastTrack Manager can do that here. Nothing was changed.');
    expect(refused.digests.size).toBe(0);
  });

  it('still remembers after a restart', async () => {
    await remind();
    const dataDir = harness.dataDir;
    await harness.bot.close();
    await harness.connector.stop();
    harness = await startHarness({ DATA_DIR: dataDir }, { now: clock.now });
    try {
      const again = await remind();
      expect(again.digests.size).toBe(0);
      expect(again.answer).toMatch(/^Already reminded today, so not again: Sam at/);
    } finally {
      await harness.stop();
      rmSync(dataDir, { recursive: true, force: true });
      harness = await startHarness();
    }
  });
});
