import { localDate } from './calendar';
import {
  isLive,
  wasReminded,
  withCardPosted,
  type PersonalCard,
  type PersonRecord,
  type SendRecord,
} from './reminderRecords';
import { digestKindOn, nextDigestAt, type DigestKind, type ReminderPolicy } from './reminders';

/**
 * The decisions of one pass over a person, scheduled digest or `remind`: which day it is for them,
 * whether this instance may send, and what the pass leaves in their record. The pass reads the record
 * once and writes it once; everything between is decided here.
 */
export interface PassClock {
  now: Date;
  defaultTimeZone: string;
  /** A claim older than this belongs to a process that died sending: it may be taken over. */
  leaseMs: number;
}

/** The person's calendar day, read once per pass. */
export interface DigestDay {
  zone: string;
  date: string;
  /** The scheduled digest of that day, if it has one (weekends have none). */
  kind: DigestKind | undefined;
}

export function digestDayOf(record: PersonRecord | undefined, clock: Omit<PassClock, 'leaseMs'>): DigestDay {
  const zone = record?.timeZone ?? clock.defaultTimeZone;
  const date = localDate(clock.now, zone);
  return { zone, date, kind: digestKindOn(date) };
}

export type Claim = { kind: 'claim'; sends: SendRecord } | { kind: 'taken' } | { kind: 'done'; at?: string };

/**
 * The day's scheduled digest: 'taken' while another instance holds a live claim, 'done' once it was sent
 * (or failed for good), else the record with this instance's claim.
 */
export function claimScheduled(sends: SendRecord, clock: PassClock): Claim {
  if (isLive(sends.scheduled, clock.now, clock.leaseMs))
    return sends.scheduled?.status === 'claimed' ? { kind: 'taken' } : { kind: 'done' };
  return {
    kind: 'claim',
    sends: { ...sends, scheduled: { status: 'claimed', at: clock.now.toISOString(), engagementIds: [] } },
  };
}

/** A `remind` for one engagement: 'done' with when, if the person already heard about it today. */
export function claimReminder(sends: SendRecord, engagementId: string, by: string, clock: PassClock): Claim {
  const mark = sends.reminders[engagementId];
  const scheduled = sends.scheduled?.status === 'sent' && sends.scheduled.engagementIds.includes(engagementId);
  if (wasReminded(mark, clock.now, clock.leaseMs) || scheduled)
    return { kind: 'done', at: (mark ?? sends.scheduled)?.at };
  const claimed = { status: 'claimed' as const, at: clock.now.toISOString(), by };
  return { kind: 'claim', sends: { ...sends, reminders: { ...sends.reminders, [engagementId]: claimed } } };
}

/** The engagements the person was reminded of today with `remind`: the scheduled digest leaves them out. */
export const remindedToday = (sends: SendRecord, clock: PassClock): Set<string> =>
  new Set(
    Object.entries(sends.reminders)
      .filter(([, mark]) => wasReminded(mark, clock.now, clock.leaseMs))
      .map(([id]) => id),
  );

/** What a pass learned about the person, kept in their record by its one write. */
export interface PassLearned {
  /** The 1:1 chat Teams answered the send with. */
  conversationId?: string;
  /** The digest as posted, to be kept current with the person's other cards. */
  posted?: PersonalCard;
  /** Teams refused the send (403, 404); the engagements whose channels are now told. */
  unreachable?: { status: number; announcedIn: string[] };
  /** The scheduled digest of this day is settled: the next one is due on the next business day. */
  advance?: { zone: string; policy: ReminderPolicy };
}

/** The engagements whose channels have not yet been told that the person cannot be reached. */
export const notYetAnnounced = <T extends { id: string }>(record: PersonRecord, engagements: T[]): T[] =>
  engagements.filter((e) => !(record.unreachable?.announcedIn ?? []).includes(e.id));

/** The record after the pass; the same object when the pass changed nothing in it. */
export function afterPass(record: PersonRecord, learned: PassLearned, now: Date): PersonRecord {
  let next = record;
  if (learned.conversationId && learned.conversationId !== record.conversationId)
    next = { ...next, conversationId: learned.conversationId };
  if (learned.posted) next = { ...next, cards: withCardPosted(next.cards, learned.posted).kept };
  if (learned.unreachable) {
    const announcedIn = [...new Set([...(record.unreachable?.announcedIn ?? []), ...learned.unreachable.announcedIn])];
    next = { ...next, unreachable: { at: now.toISOString(), status: learned.unreachable.status, announcedIn } };
  }
  if (learned.advance) {
    const due = nextDigestAt(now, learned.advance.zone, learned.advance.policy).toISOString();
    if (next.nextDigestAt < due) next = { ...next, nextDigestAt: due };
  }
  return next;
}
