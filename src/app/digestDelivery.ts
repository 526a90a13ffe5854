import { localDate } from '../domain/calendar';
import { holdsRole, MANAGER_ROLE, personKey } from '../domain/people';
import { digestFor, type Digest, type DigestKind, type ReminderPolicy } from '../domain/reminders';
import type { Engagement, Person } from '../domain/types';
import type { Logger } from '../logger';
import type { PeopleDirectory } from './people';
import type { Store } from './ports';
import type { PersonRecord } from './reminderPorts';
import { retryOnConflict } from './retry';

/** Teams refused to deliver to this person (403, 404): the app was blocked or removed. */
export class UnreachableError extends Error {
  constructor(readonly status: number) {
    super(`the person cannot be reached (${status})`);
    this.name = 'UnreachableError';
  }
}

/** The notification port: how digests and notices reach Teams. */
export interface Notifier {
  /** Delivers the digest in the person's 1:1 chat; resolves with that chat's id. */
  sendDigest(person: PersonRecord, digest: Digest): Promise<{ conversationId: string }>;
  /** Tells the engagement's channel that these people cannot be reached with reminders. */
  announceUnreachable(engagement: Engagement, names: string[]): Promise<void>;
}

export interface DigestDeps {
  store: Store;
  now: () => Date;
  policy: ReminderPolicy;
  defaultTimeZone: string;
  claimLeaseMs: number;
  notifier: Notifier;
  people: PeopleDirectory;
  logger: Logger;
}

/** Builds a person's digest from the store and hands it to Teams, recording who cannot be reached. */
export class DigestDelivery {
  constructor(private readonly deps: DigestDeps) {}

  async build(
    record: PersonRecord | undefined,
    person: Person,
    engagements: Engagement[],
    kind: DigestKind,
  ): Promise<Digest | undefined> {
    const now = this.deps.now();
    const today = localDate(now, record?.timeZone ?? this.deps.defaultTimeZone);
    const unreachable = new Map<string, string>();
    for (const engagement of engagements.filter((e) => holdsRole(e, person, MANAGER_ROLE))) {
      for (const member of engagement.roles.flatMap((r) => r.people)) {
        const key = personKey(member);
        if (unreachable.has(key) || key === personKey(person)) continue;
        if ((await this.deps.store.getPerson(key))?.value.unreachable) unreachable.set(key, member.name);
      }
    }
    const snoozes = record?.snoozes ?? [];
    return digestFor({ recipient: person, engagements, today, kind, now, snoozes, unreachable }, this.deps.policy);
  }

  async deliver(
    record: PersonRecord,
    digest: Digest,
    engagements: Engagement[],
  ): Promise<'sent' | 'unreachable' | 'failed'> {
    try {
      const { conversationId } = await this.deps.notifier.sendDigest(record, digest);
      if (conversationId !== record.conversationId)
        await this.updatePerson(record.key, (p) => ({ ...p, conversationId }));
      return 'sent';
    } catch (error) {
      if (!(error instanceof UnreachableError)) {
        this.deps.logger.warn({ err: error, person: record.key }, 'could not send a digest');
        return 'failed';
      }
      await this.markUnreachable(record, error.status, engagements);
      return 'unreachable';
    }
  }

  private async markUnreachable(record: PersonRecord, status: number, engagements: Engagement[]): Promise<void> {
    const at = this.deps.now().toISOString();
    const announcedIn = record.unreachable?.announcedIn ?? [];
    const fresh = engagements.filter((e) => !announcedIn.includes(e.id));
    await this.updatePerson(record.key, (p) => ({
      ...p,
      unreachable: { at, status, announcedIn: [...(p.unreachable?.announcedIn ?? []), ...fresh.map((e) => e.id)] },
    }));
    this.deps.people.forget(record.key);
    for (const engagement of fresh) {
      await this.deps.notifier.announceUnreachable(engagement, [record.person.name]).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, engagementId: engagement.id }, 'could not tell the channel');
      });
    }
  }

  async updatePerson(key: string, change: (record: PersonRecord) => PersonRecord): Promise<void> {
    await retryOnConflict(async () => {
      const current = await this.deps.store.getPerson(key);
      if (!current) return;
      const next = change(current.value);
      if (next !== current.value) await this.deps.store.replacePerson(next, current.etag);
    });
  }
}
