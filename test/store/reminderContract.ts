import type { Stores } from '../../src/app/ports';
import type { ReminderStore } from '../../src/app/reminderPorts';
import { AlreadyExistsError, ConflictError } from '../../src/app/versionedWrites';
import type { PersonRecord } from '../../src/domain/reminderRecords';
import { claimSend } from '../../src/app/sendRecords';
import { people } from '../fixtures/engagement';

let sequence = 0;
const aPerson = (nextDigestAt: string): PersonRecord => {
  const key = `aad-contract-${Date.now()}-${sequence++}`;
  return {
    key,
    person: { ...people.sme, aadObjectId: key },
    tenantId: 'tenant-contoso',
    serviceUrl: 'http://127.0.0.1:9/',
    nextDigestAt,
    snoozes: [],
  };
};

/** What reminders need from every store; run once per implementation. */
export function reminderStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name} reminder records`, () => {
    let stores: Stores;
    let store: ReminderStore;
    beforeAll(async () => {
      stores = await open();
      store = stores.reminders;
    });
    afterAll(async () => {
      await stores.close();
    });

    it('keeps a person once, and replaces them only on the current etag', async () => {
      const record = aPerson('2026-12-01T09:00:00.000Z');
      const created = await store.createPerson(record);
      await expect(store.createPerson(record)).rejects.toBeInstanceOf(AlreadyExistsError);
      expect((await store.getPerson(record.key))?.value).toEqual(record);
      await store.replacePerson({ ...record, timeZone: 'Europe/Paris' }, created.etag);
      await expect(store.replacePerson({ ...record, timeZone: 'Asia/Tokyo' }, created.etag)).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store.getPerson(record.key))?.value.timeZone).toBe('Europe/Paris');
    });

    it('reads a whole team in one call: the records that exist, each once, with their etags', async () => {
      const team = [aPerson('2026-12-01T09:00:00.000Z'), aPerson('2026-12-01T09:00:00.000Z')];
      const created = await Promise.all(team.map((record) => store.createPerson(record)));
      const keys = [team[1]!.key, 'aad-nobody-has-this-key', team[0]!.key, team[1]!.key];
      const found = await store.getPeople(keys);
      expect(found.sort((a, b) => a.value.key.localeCompare(b.value.key))).toEqual(
        created.sort((a, b) => a.value.key.localeCompare(b.value.key)),
      );
      expect(await store.getPeople([])).toEqual([]);
    });

    it('finds the people whose digest is due, earliest first, and only those', async () => {
      const far = '2000-01-0';
      const due = [
        aPerson(`${far}3T09:00:00.000Z`),
        aPerson(`${far}1T09:00:00.000Z`),
        aPerson(`${far}2T09:00:00.000Z`),
      ];
      const later = aPerson(`${far}5T09:00:00.000Z`);
      for (const record of [...due, later]) await store.createPerson(record);
      const found = await store.duePeople(`${far}4T00:00:00.000Z`, 10);
      expect(found.map((f) => f.value.key)).toEqual([due[1]!.key, due[2]!.key, due[0]!.key]);
      expect(await store.duePeople(`${far}4T00:00:00.000Z`, 2)).toHaveLength(2);
    });

    it('lets exactly one of two claims on the same digest win', async () => {
      const key = `claim-${Date.now()}-${sequence++}`;
      const claim = () =>
        claimSend(store, key, '2026-12-01', (sends) =>
          sends.scheduled
            ? { kind: 'taken' }
            : { kind: 'claim', sends: { ...sends, scheduled: { status: 'claimed', at: 'now', engagementIds: [] } } },
        );
      const results = await Promise.all([claim(), claim(), claim()]);
      expect(results.filter((r) => r.kind === 'claimed')).toHaveLength(1);
      expect(results.filter((r) => r.kind === 'taken')).toHaveLength(2);
    });
  });
}
