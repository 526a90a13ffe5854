import type Database from 'better-sqlite3';
import type { ReminderStore } from '../app/reminderPorts';
import type { PersonRecord, SendRecord } from '../domain/reminderRecords';
import type { Versioned } from '../app/versionedWrites';
import { SqliteTable } from './sqliteTable';

/** People and what was sent to them, in the embedded database (see sqliteStores). */
export class SqliteReminderStore implements ReminderStore {
  private readonly people: SqliteTable<PersonRecord>;
  private readonly sends: SqliteTable<SendRecord>;

  constructor(db: Database.Database) {
    this.people = new SqliteTable<PersonRecord>(db, 'people', (p) => p.key, { next_digest_at: (p) => p.nextDigestAt });
    this.sends = new SqliteTable<SendRecord>(db, 'sends', (r) => r.id);
  }

  async getPerson(key: string): Promise<Versioned<PersonRecord> | undefined> {
    return this.people.get(key);
  }

  async getPeople(keys: string[]): Promise<Versioned<PersonRecord>[]> {
    return this.people.getMany(keys);
  }

  async createPerson(record: PersonRecord): Promise<Versioned<PersonRecord>> {
    return this.people.create(record);
  }

  async replacePerson(record: PersonRecord, etag: string): Promise<Versioned<PersonRecord>> {
    return this.people.replace(record, etag);
  }

  async duePeople(now: string, limit: number): Promise<Versioned<PersonRecord>[]> {
    return this.people.atMost('next_digest_at', now, limit);
  }

  async getSends(id: string): Promise<Versioned<SendRecord> | undefined> {
    return this.sends.get(id);
  }

  async createSends(record: SendRecord): Promise<Versioned<SendRecord>> {
    return this.sends.create(record);
  }

  async replaceSends(record: SendRecord, etag: string): Promise<Versioned<SendRecord>> {
    return this.sends.replace(record, etag);
  }
}
