import { localDate } from '../domain/calendar';
import { ForbiddenActorError, InvalidInputError, StateError, UnknownTaskError } from '../domain/errors';
import { holdsRole, MANAGER_ROLE, mayChangeTask, personKey } from '../domain/people';
import { digestKindOn, nextDigestAt, type Digest } from '../domain/reminders';
import type { Engagement, Person } from '../domain/types';
import { DigestDelivery, type DigestDeps } from './digestDelivery';
import type { Versioned } from './versionedWrites';
import type { PersonRecord } from './reminderPorts';
import { claimSend, isLive, settleSend, wasReminded } from './sendRecords';

export interface SweepResult {
  due: number;
  sent: number;
  nothingToSend: number;
  skipped: number;
  failed: number;
}

export interface RemindResult {
  reminded: string[];
  already: { name: string; at: string }[];
  unreachable: string[];
  failed: string[];
}

const SWEEP_PAGE = 500;
const SNOOZE_DAYS = [1, 3, 7];
const SNOOZE_LIMIT = 200;
const SWEEP_CONCURRENCY = 16;

/** Scheduled digests, `remind`, and what the people who get them need; every decision is in the domain. */
export class Digests {
  private readonly delivery: DigestDelivery;

  constructor(private readonly deps: DigestDeps) {
    this.delivery = new DigestDelivery(deps);
  }

  /** Sends every digest that is due now, once, whichever bot instance gets to it first. */
  async sweep(): Promise<SweepResult> {
    const result: SweepResult = { due: 0, sent: 0, nothingToSend: 0, skipped: 0, failed: 0 };
    const due = await this.deps.store.duePeople(this.deps.now().toISOString(), SWEEP_PAGE);
    result.due = due.length;
    const queue = [...due];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const outcome = await this.scheduled(next).catch((error: unknown) => {
          this.deps.logger.error({ err: error, person: next?.value.key }, 'scheduled digest failed');
          return 'failed' as const;
        });
        result[outcome]++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(SWEEP_CONCURRENCY, due.length) }, worker));
    return result;
  }

  /** The digests of one engagement now, for its FastTrack Manager; at most one per person per day. */
  async remind(engagement: Engagement, by: Person): Promise<RemindResult> {
    if (!holdsRole(engagement, by, MANAGER_ROLE)) throw new ForbiddenActorError(by.id, [MANAGER_ROLE]);
    if (engagement.completion)
      throw new StateError('This engagement is complete: there is nothing to remind anyone of.');
    await this.deps.people.enrol(engagement);
    const result: RemindResult = { reminded: [], already: [], unreachable: [], failed: [] };
    const people = engagement.roles
      .flatMap((r) => r.people)
      .filter((p, i, all) => all.findIndex((q) => personKey(q) === personKey(p)) === i);
    for (const person of people) {
      const record = await this.deps.store.getPerson(personKey(person));
      if (!record) continue;
      const outcome = await this.remindOne(record.value, engagement, by);
      if (outcome.kind === 'reminded') result.reminded.push(person.name);
      if (outcome.kind === 'already') result.already.push({ name: person.name, at: outcome.at });
      if (outcome.kind === 'unreachable') result.unreachable.push(person.name);
      if (outcome.kind === 'failed') result.failed.push(person.name);
    }
    return result;
  }

  /** Keeps a task out of the person's own digests for 1, 3 or 7 days; escalations still see it. */
  async snooze(person: Person, engagement: Engagement, taskId: string, days: number): Promise<void> {
    if (!SNOOZE_DAYS.includes(days)) throw new InvalidInputError('days', 'must be 1, 3 or 7');
    const task = engagement.tasks.find((t) => t.id === taskId);
    if (!task) throw new UnknownTaskError(taskId);
    if (!mayChangeTask(engagement, person, task.role))
      throw new ForbiddenActorError(person.id, [task.role, MANAGER_ROLE]);
    await this.deps.people.enrol(engagement);
    const now = this.deps.now().getTime();
    const until = new Date(now + days * 86_400_000).toISOString();
    await this.delivery.updatePerson(personKey(person), (record) => ({
      ...record,
      snoozes: [
        ...record.snoozes.filter(
          (s) => Date.parse(s.until) > now && !(s.engagementId === engagement.id && s.taskId === taskId),
        ),
        { engagementId: engagement.id, taskId, until },
      ].slice(-SNOOZE_LIMIT),
    }));
  }

  /** The person's digest as of now, across their engagements: the card a digest action answers with. */
  async current(person: Person): Promise<Digest | undefined> {
    const record = (await this.deps.store.getPerson(personKey(person)))?.value;
    const engagements = await this.deps.store.listByMember(personKey(person));
    return this.delivery.build(record, person, engagements, 'now');
  }

  private async scheduled(entry: Versioned<PersonRecord>): Promise<keyof SweepResult> {
    const now = this.deps.now();
    const record = entry.value;
    const zone = record.timeZone ?? this.deps.defaultTimeZone;
    const date = localDate(now, zone);
    const kind = digestKindOn(date);
    if (!kind || record.unreachable) return this.advance(record, 'skipped');
    const claim = await claimSend(this.deps.store, record.key, date, (sends) => {
      if (isLive(sends.scheduled, now, this.deps.claimLeaseMs))
        return sends.scheduled?.status === 'claimed' ? 'taken' : 'done';
      return { ...sends, scheduled: { status: 'claimed', at: now.toISOString(), engagementIds: [] } };
    });
    if (claim.kind === 'taken') return 'skipped';
    if (claim.kind === 'done') return this.advance(record, 'skipped');
    const remindedToday = new Set(
      Object.entries(claim.record.value.reminders)
        .filter(([, mark]) => wasReminded(mark, now, this.deps.claimLeaseMs))
        .map(([id]) => id),
    );
    const engagements = (await this.deps.store.listByMember(record.key)).filter((e) => !remindedToday.has(e.id));
    const digest = await this.delivery.build(record, record.person, engagements, kind);
    const settle = (status: 'sent' | 'failed', engagementIds: string[]) =>
      settleSend(this.deps.store, claim.record, (sends) => ({
        ...sends,
        scheduled: { status, at: this.deps.now().toISOString(), engagementIds },
      }));
    if (!digest) {
      await settle('sent', []);
      return this.advance(record, 'nothingToSend');
    }
    const outcome = await this.delivery.deliver(record, digest, engagements);
    await settle(
      outcome === 'sent' ? 'sent' : 'failed',
      digest.sections.map((s) => s.engagementId),
    );
    return this.advance(record, outcome === 'sent' ? 'sent' : 'failed');
  }

  private async remindOne(
    record: PersonRecord,
    engagement: Engagement,
    by: Person,
  ): Promise<{ kind: 'reminded' | 'nothing' | 'unreachable' | 'failed' } | { kind: 'already'; at: string }> {
    if (record.unreachable) return { kind: 'unreachable' };
    const now = this.deps.now();
    const date = localDate(now, record.timeZone ?? this.deps.defaultTimeZone);
    const digest = await this.delivery.build(record, record.person, [engagement], 'now');
    if (!digest) return { kind: 'nothing' };
    let already: string | undefined;
    const claim = await claimSend(this.deps.store, record.key, date, (sends) => {
      const mark = sends.reminders[engagement.id];
      const scheduled = sends.scheduled?.status === 'sent' && sends.scheduled.engagementIds.includes(engagement.id);
      if (wasReminded(mark, now, this.deps.claimLeaseMs) || scheduled) {
        already = (mark ?? sends.scheduled)?.at;
        return 'done';
      }
      const claimed = { status: 'claimed' as const, at: now.toISOString(), by: by.name };
      return { ...sends, reminders: { ...sends.reminders, [engagement.id]: claimed } };
    });
    // 'taken': another instance is reminding them about this engagement at this very moment.
    if (claim.kind !== 'claimed') return { kind: 'already', at: already ?? now.toISOString() };
    const outcome = await this.delivery.deliver(record, digest, [engagement]);
    await settleSend(this.deps.store, claim.record, (sends) => ({
      ...sends,
      reminders: {
        ...sends.reminders,
        [engagement.id]: {
          status: outcome === 'sent' ? 'sent' : 'failed',
          at: this.deps.now().toISOString(),
          by: by.name,
        },
      },
    }));
    return { kind: outcome === 'sent' ? 'reminded' : outcome };
  }

  private async advance(record: PersonRecord, outcome: keyof SweepResult): Promise<keyof SweepResult> {
    const zone = record.timeZone ?? this.deps.defaultTimeZone;
    const next = nextDigestAt(this.deps.now(), zone, this.deps.policy).toISOString();
    await this.delivery.updatePerson(record.key, (p) => (p.nextDigestAt >= next ? p : { ...p, nextDigestAt: next }));
    return outcome;
  }
}
