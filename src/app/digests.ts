import {
  claimReminder,
  claimScheduled,
  digestDayOf,
  notYetAnnounced,
  remindedToday,
  type DigestDay,
  type PassClock,
  type PassLearned,
} from '../domain/digestPass';
import { ForbiddenActorError, InvalidInputError, StateError, UnknownTaskError } from '../domain/errors';
import { holdsRole, MANAGER_ROLE, mayChangeTask, personKey } from '../domain/people';
import { withCardPosted, type PersonalCard, type PersonRecord } from '../domain/reminderRecords';
import type { Digest } from '../domain/reminders';
import type { Engagement, Person } from '../domain/types';
import { DigestDelivery, type Delivery, type DigestDeps } from './digestDelivery';
import { claimSend, settleSend } from './sendRecords';
import type { Versioned } from './versionedWrites';

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
    const due = await this.deps.reminders.duePeople(this.deps.now().toISOString(), SWEEP_PAGE);
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
    const records = new Map(
      (await this.deps.reminders.getPeople(people.map(personKey))).map((r) => [r.value.key, r] as const),
    );
    for (const person of people) {
      const record = records.get(personKey(person));
      if (!record) continue;
      const outcome = await this.remindOne(record, engagement, by);
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
    const record = (await this.deps.reminders.getPerson(personKey(person)))?.value;
    const engagements = await this.deps.engagements.listByMember(personKey(person));
    const day = digestDayOf(record, this.clock());
    return this.delivery.build(record, person, engagements, 'now', day.date);
  }

  private clock(): PassClock {
    return { now: this.deps.now(), defaultTimeZone: this.deps.defaultTimeZone, leaseMs: this.deps.claimLeaseMs };
  }

  /** One pass over a due person: their record as the due query read it, written once at the end. */
  private async scheduled(read: Versioned<PersonRecord>): Promise<keyof SweepResult> {
    const record = read.value;
    const clock = this.clock();
    const day = digestDayOf(record, clock);
    const advance = { zone: day.zone, policy: this.deps.policy };
    if (!day.kind || record.unreachable) return this.keep(read, { advance }, 'skipped');
    const claim = await claimSend(this.deps.reminders, record.key, day.date, (sends) => claimScheduled(sends, clock));
    if (claim.kind === 'taken') return 'skipped';
    if (claim.kind === 'done') return this.keep(read, { advance }, 'skipped');
    const reminded = remindedToday(claim.record.value, clock);
    const engagements = (await this.deps.engagements.listByMember(record.key)).filter((e) => !reminded.has(e.id));
    const digest = await this.delivery.build(record, record.person, engagements, day.kind, day.date);
    const settle = (status: 'sent' | 'failed', engagementIds: string[]) =>
      settleSend(this.deps.reminders, claim.record, (sends) => ({
        ...sends,
        scheduled: { status, at: this.deps.now().toISOString(), engagementIds },
      }));
    if (!digest) {
      await settle('sent', []);
      return this.keep(read, { advance }, 'nothingToSend');
    }
    const delivery = await this.delivery.deliver(record, digest);
    await settle(
      delivery.kind === 'sent' ? 'sent' : 'failed',
      digest.sections.map((s) => s.engagementId),
    );
    await this.learn(read, delivery, engagements, advance);
    return delivery.kind === 'sent' ? 'sent' : 'failed';
  }

  private async remindOne(
    read: Versioned<PersonRecord>,
    engagement: Engagement,
    by: Person,
  ): Promise<{ kind: 'reminded' | 'nothing' | 'unreachable' | 'failed' } | { kind: 'already'; at: string }> {
    const record = read.value;
    if (record.unreachable) return { kind: 'unreachable' };
    const clock = this.clock();
    const day: DigestDay = digestDayOf(record, clock);
    const digest = await this.delivery.build(record, record.person, [engagement], 'now', day.date);
    if (!digest) return { kind: 'nothing' };
    const claim = await claimSend(this.deps.reminders, record.key, day.date, (sends) =>
      claimReminder(sends, engagement.id, by.name, clock),
    );
    // 'taken': another instance is reminding them about this engagement at this very moment.
    if (claim.kind === 'taken') return { kind: 'already', at: clock.now.toISOString() };
    if (claim.kind === 'done') return { kind: 'already', at: claim.at ?? clock.now.toISOString() };
    const delivery = await this.delivery.deliver(record, digest);
    const status = delivery.kind === 'sent' ? 'sent' : 'failed';
    await settleSend(this.deps.reminders, claim.record, (sends) => ({
      ...sends,
      reminders: { ...sends.reminders, [engagement.id]: { status, at: this.deps.now().toISOString(), by: by.name } },
    }));
    await this.learn(read, delivery, [engagement]);
    return { kind: delivery.kind === 'sent' ? 'reminded' : delivery.kind };
  }

  /** The pass's one write: what Teams answered, and the next digest when this day's is settled. */
  private async learn(
    read: Versioned<PersonRecord>,
    delivery: Delivery,
    engagements: Engagement[],
    advance?: PassLearned['advance'],
  ): Promise<void> {
    const untold = delivery.kind === 'unreachable' ? notYetAnnounced(read.value, engagements) : [];
    const posted: PersonalCard | undefined =
      delivery.kind === 'sent' && delivery.activityId
        ? { card: 'digest', activityId: delivery.activityId, conversationId: delivery.conversationId }
        : undefined;
    await this.delivery.keep(read, {
      ...(advance && { advance }),
      ...(delivery.kind === 'sent' && { conversationId: delivery.conversationId }),
      ...(posted && { posted }),
      ...(delivery.kind === 'unreachable' && {
        unreachable: { status: delivery.status, announcedIn: untold.map((e) => e.id) },
      }),
    });
    if (delivery.kind === 'unreachable') await this.delivery.announceUnreachable(read.value, untold);
    if (posted) await this.delivery.retireCards(read.value, withCardPosted(read.value.cards, posted).retired);
  }

  private async keep<T>(read: Versioned<PersonRecord>, learned: PassLearned, outcome: T): Promise<T> {
    await this.delivery.keep(read, learned);
    return outcome;
  }
}
