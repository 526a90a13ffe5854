import { LRUCache } from 'lru-cache';
import { canonicalZone } from '../domain/calendar';
import { personKey } from '../domain/people';
import { nextDigestAt, type ReminderPolicy } from '../domain/reminders';
import type { Engagement, Person } from '../domain/types';
import { AlreadyExistsError } from './versionedWrites';
import { withCardPosted, type PersonalCard, type PersonRecord } from '../domain/reminderRecords';
import type { ReminderStore } from './reminderPorts';
import { retryOnConflict } from './retry';

export interface PeopleDeps {
  reminders: ReminderStore;
  now: () => Date;
  policy: ReminderPolicy;
  /** Used for people whose time zone the bot has not learned yet. */
  defaultTimeZone: string;
}

/** What one activity tells about its sender. */
export interface Sighting {
  person: Person;
  tenantId: string;
  serviceUrl: string;
  botId: string;
  timeZone?: string;
  /** Set when the activity came from the person's 1:1 chat with the bot. */
  personalConversationId?: string;
}

const NOTED_TTL_MS = 10 * 60_000;
const NOTED_LIMIT = 10_000;

/**
 * Creates or updates a record, re-reading on a conflict; `change` returns the record to write, or the
 * same object to write nothing.
 */
async function upsert(
  store: ReminderStore,
  key: string,
  create: () => PersonRecord,
  change: (current: PersonRecord) => PersonRecord,
): Promise<PersonRecord> {
  return retryOnConflict(async () => {
    const current = await store.getPerson(key);
    if (!current) {
      try {
        return (await store.createPerson(create())).value;
      } catch (error) {
        if (error instanceof AlreadyExistsError) return upsert(store, key, create, change);
        throw error;
      }
    }
    const next = change(current.value);
    return next === current.value ? next : (await store.replacePerson(next, current.etag)).value;
  });
}

/** The people reminders are for: learned from their activities and from the engagements' roles. */
export class PeopleDirectory {
  /** What was last written per person, so an ordinary turn costs no store call. */
  private readonly noted = new LRUCache<string, { fingerprint: string; at: number }>({ max: NOTED_LIMIT });

  constructor(private readonly deps: PeopleDeps) {}

  /** Learns the person's time zone and 1:1 chat; someone who talks to the bot can be reached again. */
  async note(seen: Sighting): Promise<void> {
    const key = personKey(seen.person);
    const timeZone = seen.timeZone ? canonicalZone(seen.timeZone) : undefined;
    const fingerprint = JSON.stringify([seen.person.name, seen.serviceUrl, timeZone, seen.personalConversationId]);
    const last = this.noted.get(key);
    if (last && last.fingerprint === fingerprint && Date.now() - last.at < NOTED_TTL_MS) return;
    const now = this.deps.now();
    await upsert(
      this.deps.reminders,
      key,
      () => ({
        ...this.fresh(seen.person, seen.tenantId, seen.serviceUrl, timeZone),
        botId: seen.botId,
        ...(seen.personalConversationId && { conversationId: seen.personalConversationId }),
      }),
      (current) => {
        const zoneChanged = timeZone !== undefined && timeZone !== current.timeZone;
        const unchanged =
          !zoneChanged &&
          !current.unreachable &&
          current.person.name === seen.person.name &&
          current.serviceUrl === seen.serviceUrl &&
          (!seen.personalConversationId || current.conversationId === seen.personalConversationId);
        if (unchanged) return current;
        const { unreachable: _reachableAgain, ...rest } = current;
        return {
          ...rest,
          person: { ...current.person, name: seen.person.name },
          serviceUrl: seen.serviceUrl,
          botId: seen.botId,
          ...(seen.personalConversationId && { conversationId: seen.personalConversationId }),
          ...(zoneChanged && { timeZone, nextDigestAt: nextDigestAt(now, timeZone, this.deps.policy).toISOString() }),
        };
      },
    );
    this.noted.set(key, { fingerprint, at: Date.now() });
  }

  /** Everyone holding a role in the engagement gets a record, so the scheduler finds them. */
  async enrol(engagement: Engagement): Promise<void> {
    const people = engagement.roles.flatMap((r) => r.people);
    for (const person of people) {
      const key = personKey(person);
      if (this.noted.has(key)) continue;
      await upsert(
        this.deps.reminders,
        key,
        () => this.fresh(person, engagement.tenantId, engagement.serviceUrl, undefined),
        (current) => current,
      );
    }
  }

  /** Removes what reminders kept about a deleted engagement: its role holders' snoozes of its tasks. */
  async dropEngagement(engagement: Engagement): Promise<void> {
    for (const person of engagement.roles.flatMap((r) => r.people)) {
      await retryOnConflict(async () => {
        const current = await this.deps.reminders.getPerson(personKey(person));
        const snoozes = current?.value.snoozes.filter((s) => s.engagementId !== engagement.id);
        if (!current || !snoozes || snoozes.length === current.value.snoozes.length) return;
        await this.deps.reminders.replacePerson({ ...current.value, snoozes }, current.etag);
      });
    }
  }

  /** Keeps a card posted in the person's 1:1 chat current from now on; returns the older copies it retires. */
  async keepCard(key: string, posted: PersonalCard): Promise<PersonalCard[]> {
    return retryOnConflict(async () => {
      const current = await this.deps.reminders.getPerson(key);
      if (!current) return [];
      const { kept, retired } = withCardPosted(current.value.cards, posted);
      await this.deps.reminders.replacePerson({ ...current.value, cards: kept }, current.etag);
      return retired;
    });
  }

  /** The records of these people that have cards kept current. */
  async withCards(keys: string[]): Promise<PersonRecord[]> {
    if (keys.length === 0) return [];
    const records = await this.deps.reminders.getPeople(keys);
    return records.map((r) => r.value).filter((r) => (r.cards ?? []).length > 0);
  }

  /** Forgets what was noted about a person, so their next activity is written (after a change elsewhere). */
  forget(key: string): void {
    this.noted.delete(key);
  }

  private fresh(person: Person, tenantId: string, serviceUrl: string, timeZone: string | undefined): PersonRecord {
    const zone = timeZone ?? this.deps.defaultTimeZone;
    return {
      key: personKey(person),
      person,
      tenantId,
      serviceUrl,
      ...(timeZone && { timeZone }),
      nextDigestAt: nextDigestAt(this.deps.now(), zone, this.deps.policy).toISOString(),
      snoozes: [],
    };
  }
}
