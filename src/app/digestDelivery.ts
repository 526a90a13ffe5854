import { afterPass, type PassLearned } from '../domain/digestPass';
import { holdsRole, MANAGER_ROLE, personKey } from '../domain/people';
import type { PersonalCard, PersonRecord } from '../domain/reminderRecords';
import { digestFor, type Digest, type DigestKind, type ReminderPolicy } from '../domain/reminders';
import type { Engagement, Person } from '../domain/types';
import type { Logger } from '../logger';
import type { PeopleDirectory } from './people';
import type { EngagementStore } from './ports';
import type { ReminderStore } from './reminderPorts';
import { retryOnConflict } from './retry';
import { ConflictError, type Versioned } from './versionedWrites';

/** Teams refused to deliver to this person (403, 404): the app was blocked or removed. */
export class UnreachableError extends Error {
  constructor(readonly status: number) {
    super(`the person cannot be reached (${status})`);
    this.name = 'UnreachableError';
  }
}

/** The notification port: how digests and notices reach Teams. */
export interface Notifier {
  /** Delivers the digest in the person's 1:1 chat; resolves with that chat's id and the message's. */
  sendDigest(person: PersonRecord, digest: Digest): Promise<{ conversationId: string; activityId?: string }>;
  /** Replaces cards no longer kept current with a pointer to the newest copy. */
  retireCards(person: PersonRecord, cards: PersonalCard[]): Promise<void>;
  /** Tells the engagement's channel that these people cannot be reached with reminders. */
  announceUnreachable(engagement: Engagement, names: string[]): Promise<void>;
}

export interface DigestDeps {
  engagements: EngagementStore;
  reminders: ReminderStore;
  now: () => Date;
  policy: ReminderPolicy;
  defaultTimeZone: string;
  claimLeaseMs: number;
  notifier: Notifier;
  people: PeopleDirectory;
  logger: Logger;
}

export type Delivery =
  | { kind: 'sent'; conversationId: string; activityId?: string }
  | { kind: 'unreachable'; status: number }
  | { kind: 'failed' };

/** Builds a person's digest, hands it to Teams, and keeps what the pass learned in one write. */
export class DigestDelivery {
  constructor(private readonly deps: DigestDeps) {}

  /** The digest for `person` on their day `today`; a manager's also says which members cannot be reached. */
  async build(
    record: PersonRecord | undefined,
    person: Person,
    engagements: Engagement[],
    kind: DigestKind,
    today: string,
  ): Promise<Digest | undefined> {
    const members = new Map<string, string>();
    for (const engagement of engagements.filter((e) => holdsRole(e, person, MANAGER_ROLE)))
      for (const member of engagement.roles.flatMap((r) => r.people))
        if (!members.has(personKey(member))) members.set(personKey(member), member.name);
    members.delete(personKey(person));
    const records = members.size > 0 ? await this.deps.reminders.getPeople([...members.keys()]) : [];
    const unreachable = new Map(
      records.filter((r) => r.value.unreachable).map((r) => [r.value.key, members.get(r.value.key) ?? r.value.key]),
    );
    const snoozes = record?.snoozes ?? [];
    const now = this.deps.now();
    return digestFor({ recipient: person, engagements, today, kind, now, snoozes, unreachable }, this.deps.policy);
  }

  async deliver(record: PersonRecord, digest: Digest): Promise<Delivery> {
    try {
      const { conversationId, activityId } = await this.deps.notifier.sendDigest(record, digest);
      return { kind: 'sent', conversationId, ...(activityId && { activityId }) };
    } catch (error) {
      if (error instanceof UnreachableError) return { kind: 'unreachable', status: error.status };
      this.deps.logger.warn({ err: error, person: record.key }, 'could not send a digest');
      return { kind: 'failed' };
    }
  }

  /**
   * Keeps what the pass learned with one conditional write on the etag the pass read; only if someone
   * changed the record meanwhile (a snooze, a new time zone) is it read again and the same change applied.
   */
  async keep(read: Versioned<PersonRecord>, learned: PassLearned): Promise<void> {
    const now = this.deps.now();
    const first = afterPass(read.value, learned, now);
    if (first === read.value) return;
    try {
      await this.deps.reminders.replacePerson(first, read.etag);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
    await this.updatePerson(read.value.key, (current) => afterPass(current, learned, now));
  }

  /** Best effort: a card left unretired only shows an older state. */
  async retireCards(record: PersonRecord, cards: PersonalCard[]): Promise<void> {
    if (cards.length === 0) return;
    await this.deps.notifier.retireCards(record, cards).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, person: record.key }, 'could not retire older cards');
    });
  }

  /** Tells each engagement's channel, once, that the person cannot be reached; after the record says so. */
  async announceUnreachable(record: PersonRecord, engagements: Engagement[]): Promise<void> {
    this.deps.people.forget(record.key);
    for (const engagement of engagements) {
      await this.deps.notifier.announceUnreachable(engagement, [record.person.name]).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, engagementId: engagement.id }, 'could not tell the channel');
      });
    }
  }

  async updatePerson(key: string, change: (record: PersonRecord) => PersonRecord): Promise<void> {
    await retryOnConflict(async () => {
      const current = await this.deps.reminders.getPerson(key);
      if (!current) return;
      const next = change(current.value);
      if (next !== current.value) await this.deps.reminders.replacePerson(next, current.etag);
    });
  }
}
