import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notifier } from '../../src/app/digestDelivery';
import { Digests } from '../../src/app/digests';
import { PeopleDirectory } from '../../src/app/people';
import type { Stores } from '../../src/app/ports';
import type { ReminderStore } from '../../src/app/reminderPorts';
import { personKey } from '../../src/domain/people';
import { createLogger } from '../../src/logger';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { seedOneSmeEach } from '../fixtures/reminderSeed';

const MONDAY_10 = new Date('2026-11-30T10:00:00Z');
const policy = { leadDays: 5, escalateAfterDays: 3, hour: 9 };

/** The reminder store, with every call it receives written down: name and arguments. */
function recorded(store: ReminderStore): { store: ReminderStore; calls: { name: string; args: unknown[] }[] } {
  const calls: { name: string; args: unknown[] }[] = [];
  const proxy = new Proxy(store, {
    get(target, name) {
      const value: unknown = Reflect.get(target, name);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ name: String(name), args });
        return value.apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

function digestsOn(stores: Stores, reminders: ReminderStore, notifier: Notifier): Digests {
  const now = () => MONDAY_10;
  return new Digests({
    engagements: stores.engagements,
    reminders,
    now,
    policy,
    defaultTimeZone: 'UTC',
    claimLeaseMs: 300_000,
    notifier,
    people: new PeopleDirectory({ reminders, now, policy, defaultTimeZone: 'UTC' }),
    logger: createLogger('silent'),
  });
}

describe('one pass per due person', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sweep-pass-'));
    stores = openSqliteStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the person once, from the due query, and writes them once on the etag it read', async () => {
    const [sme] = await seedOneSmeEach(stores, {
      count: 1,
      due: 1,
      serviceUrl: 'http://127.0.0.1:9/',
      withChats: false,
    });
    const [read] = await stores.reminders.duePeople(MONDAY_10.toISOString(), 10);
    const { store, calls } = recorded(stores.reminders);
    const notifier: Notifier = {
      sendDigest: async () => ({ conversationId: 'a:chat-learned-by-the-send' }),
      announceUnreachable: async () => undefined,
      retireCards: async () => undefined,
    };
    const result = await digestsOn(stores, store, notifier).sweep();
    expect(result).toEqual({ due: 1, sent: 1, nothingToSend: 0, skipped: 0, failed: 0 });
    expect(await stores.reminders.duePeople(MONDAY_10.toISOString(), 10)).toEqual([]);
    const personCalls = calls.filter((c) => /Person|People/.test(c.name));
    expect(personCalls.map((c) => c.name)).toEqual(['duePeople', 'replacePerson']);
    expect(personCalls[1]?.args[1]).toBe(read?.etag);
    const after = (await stores.reminders.getPerson(personKey(sme!)))!.value;
    expect(after.conversationId).toBe('a:chat-learned-by-the-send');
    expect(after.nextDigestAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('keeps what the send learned when the record changed meanwhile, and what changed it too', async () => {
    const [sme] = await seedOneSmeEach(stores, {
      count: 1,
      due: 1,
      serviceUrl: 'http://127.0.0.1:9/',
      withChats: false,
    });
    const key = personKey(sme!);
    const notifier: Notifier = {
      // While the digest is on its way, the person tells the bot their time zone (another write).
      async sendDigest() {
        const current = (await stores.reminders.getPerson(key))!;
        await stores.reminders.replacePerson({ ...current.value, timeZone: 'Europe/Paris' }, current.etag);
        return { conversationId: 'a:chat-learned-by-the-send' };
      },
      announceUnreachable: async () => undefined,
      retireCards: async () => undefined,
    };
    await digestsOn(stores, stores.reminders, notifier).sweep();
    const after = (await stores.reminders.getPerson(key))!.value;
    expect(after).toMatchObject({
      timeZone: 'Europe/Paris',
      conversationId: 'a:chat-learned-by-the-send',
      nextDigestAt: '2026-12-01T09:00:00.000Z',
    });
  });
});
