import type { ReminderStore } from '../app/reminderPorts';
import type { PersonRecord, SendRecord } from '../domain/reminderRecords';
import type { Versioned } from '../app/versionedWrites';
import type { CosmosDocuments } from './cosmosDocuments';

export type PersonDocument = PersonRecord & { id: string };

const toPerson = ({ value, etag }: Versioned<PersonDocument>): Versioned<PersonRecord> => {
  const { id: _id, ...record } = value;
  return { value: record, etag };
};

/** Point reads cost the least in Cosmos DB; a team's records are read this many at a time. */
const PEOPLE_READ_CONCURRENCY = 16;

/** People and what was sent to them, each in a container partitioned by id; the due query uses the index. */
export class CosmosReminderStore implements ReminderStore {
  constructor(
    private readonly people: CosmosDocuments<PersonDocument>,
    private readonly sends: CosmosDocuments<SendRecord>,
  ) {}

  async getPerson(key: string): Promise<Versioned<PersonRecord> | undefined> {
    const found = await this.people.get(key);
    return found && toPerson(found);
  }

  async getPeople(keys: string[]): Promise<Versioned<PersonRecord>[]> {
    const pending = [...new Set(keys)];
    const found: Versioned<PersonRecord>[] = [];
    const reader = async () => {
      for (let key = pending.shift(); key !== undefined; key = pending.shift()) {
        const record = await this.getPerson(key);
        if (record) found.push(record);
      }
    };
    await Promise.all(Array.from({ length: Math.min(PEOPLE_READ_CONCURRENCY, pending.length) }, reader));
    return found;
  }

  async createPerson(record: PersonRecord): Promise<Versioned<PersonRecord>> {
    return toPerson(await this.people.create({ ...record, id: record.key }));
  }

  async replacePerson(record: PersonRecord, etag: string): Promise<Versioned<PersonRecord>> {
    return toPerson(await this.people.replace({ ...record, id: record.key }, etag));
  }

  async duePeople(now: string, limit: number): Promise<Versioned<PersonRecord>[]> {
    const top = Math.max(1, Math.floor(limit));
    const due = await this.people.query(
      `SELECT TOP ${top} * FROM c WHERE c.nextDigestAt <= @now ORDER BY c.nextDigestAt`,
      [{ name: '@now', value: now }],
    );
    return due.map(toPerson);
  }

  getSends(id: string): Promise<Versioned<SendRecord> | undefined> {
    return this.sends.get(id);
  }

  createSends(record: SendRecord): Promise<Versioned<SendRecord>> {
    return this.sends.create(record);
  }

  replaceSends(record: SendRecord, etag: string): Promise<Versioned<SendRecord>> {
    return this.sends.replace(record, etag);
  }
}
