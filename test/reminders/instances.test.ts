import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../src/app/ports';
import { connectCosmosStores } from '../../src/store/cosmosStores';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { startBotProcess, type BotProcess } from '../fixtures/botProcess';
import { startLocalCosmos } from '../fixtures/cosmosServer';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { seedOneSmeEach } from '../fixtures/reminderSeed';
import { report } from '../reliability/figures';

jest.setTimeout(120_000);

const PEOPLE = 40;
const MONDAY_10 = '2026-11-30T10:00:00.000Z';
const CLOCK = ['--require', join(__dirname, '../fixtures/shiftedClock.cjs')];
const digestsPerPerson = (connector: FakeConnector): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const sent of connector.sent.filter((s) => s.method === 'POST' && s.conversationId.startsWith('a:chat-'))) {
    counts.set(sent.conversationId, (counts.get(sent.conversationId) ?? 0) + 1);
  }
  return counts;
};

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 50));
}

const backends: [string, () => Promise<{ env: Record<string, string>; store: Stores; close(): Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'reminder-instances-'));
      const store = openSqliteStores(dir);
      return { env: { DATA_DIR: dir }, store, close: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'Cosmos DB',
    async () => {
      const cosmos = await startLocalCosmos();
      const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'reminders' };
      const store = await connectCosmosStores({
        endpoint: cosmos.endpoint,
        key: cosmos.key,
        database: 'reminders',
      });
      return { env, store, close: () => cosmos.stop() };
    },
  ],
];

describe.each(backends)('reminder schedulers on one %s store', (name, prepare) => {
  let connector: FakeConnector;
  let backing: Awaited<ReturnType<typeof prepare>>;
  let bots: BotProcess[] = [];
  const env = () => ({
    ...backing.env,
    TEST_CLOCK_START: MONDAY_10,
    REMINDER_SWEEP_SECONDS: '1',
    REMINDER_CLAIM_LEASE_SECONDS: '3',
  });

  beforeEach(async () => {
    connector = await startFakeConnector();
    backing = await prepare();
    await seedOneSmeEach(backing.store, {
      count: PEOPLE,
      due: PEOPLE,
      serviceUrl: connector.serviceUrl,
      withChats: false,
    });
  });
  afterEach(async () => {
    await Promise.all(bots.map((b) => b.kill()));
    bots = [];
    await backing.store.close();
    await backing.close();
    await connector.stop();
  });

  it('two bot processes both running the scheduler send each due digest exactly once', async () => {
    bots = [await startBotProcess(env(), CLOCK), await startBotProcess(env(), CLOCK)];
    await until(() => digestsPerPerson(connector).size === PEOPLE, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const counts = [...digestsPerPerson(connector).values()];
    expect(counts).toHaveLength(PEOPLE);
    expect(counts.filter((n) => n > 1)).toEqual([]);
    report(`two schedulers on ${name}`, { due: PEOPLE, sent: counts.length, duplicated: 0 });
  });

  it('a process killed in the middle of a sweep and restarted sends every due digest, repeating at most those in flight', async () => {
    connector.delayMs = 150;
    const first = await startBotProcess(env(), CLOCK);
    bots = [first];
    await until(() => digestsPerPerson(connector).size >= 8, 30_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const before = digestsPerPerson(connector).size;
    bots = [await startBotProcess(env(), CLOCK)];
    await until(() => digestsPerPerson(connector).size === PEOPLE, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const counts = [...digestsPerPerson(connector).values()];
    const duplicated = counts.filter((n) => n > 1).length;
    expect(counts).toHaveLength(PEOPLE);
    expect(counts.every((n) => n <= 2)).toBe(true);
    // The sweep sends 16 at a time: only those can have been in flight when the process died.
    expect(duplicated).toBeLessThanOrEqual(16);
    report(`killed mid-sweep on ${name}`, { due: PEOPLE, 'sent before the kill': before, duplicated });
  });
});
