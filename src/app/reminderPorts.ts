import type { PersonRecord, SendRecord } from '../domain/reminderRecords';
import type { Versioned } from './versionedWrites';

/** Where reminders keep what must survive restarts and be shared by every bot instance. */
export interface ReminderStore {
  getPerson(key: string): Promise<Versioned<PersonRecord> | undefined>;
  /** The records of these people that exist, in no particular order: one call for a whole team. */
  getPeople(keys: string[]): Promise<Versioned<PersonRecord>[]>;
  /** Throws AlreadyExistsError when a record with this key exists. */
  createPerson(record: PersonRecord): Promise<Versioned<PersonRecord>>;
  /** Throws ConflictError when `etag` is stale. */
  replacePerson(record: PersonRecord, etag: string): Promise<Versioned<PersonRecord>>;
  /** People whose next digest is due at `now` or earlier, earliest first: an indexed query, not a scan. */
  duePeople(now: string, limit: number): Promise<Versioned<PersonRecord>[]>;
  getSends(id: string): Promise<Versioned<SendRecord> | undefined>;
  createSends(record: SendRecord): Promise<Versioned<SendRecord>>;
  replaceSends(record: SendRecord, etag: string): Promise<Versioned<SendRecord>>;
}
