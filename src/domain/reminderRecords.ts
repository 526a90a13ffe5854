import type { Snooze } from './reminders';
import type { Person } from './types';

/** What reminders need to know about a person; one record per person, found by personKey. */
export interface PersonRecord {
  key: string;
  person: Person;
  tenantId: string;
  /** The Bot Connector of the person's tenant, and the bot's own id there (28:...). */
  serviceUrl: string;
  botId?: string;
  /** The 1:1 chat with the bot, once there is one. */
  conversationId?: string;
  /** IANA time zone learned from the person's activities; the default until then. */
  timeZone?: string;
  /** ISO instant of the next scheduled digest: the scheduler's indexed query reads this. */
  nextDigestAt: string;
  snoozes: Snooze[];
  /** Teams refused to deliver to this person (403/404): not retried until they talk to the bot again. */
  unreachable?: { at: string; status: number; announcedIn: string[] };
  /** The cards in the person's 1:1 chat that are kept current, oldest first (see withCardPosted). */
  cards?: PersonalCard[];
}

/** A card the bot posted in the person's 1:1 chat and keeps current: `my tasks`, or a digest. */
export interface PersonalCard {
  card: 'myTasks' | 'digest';
  activityId: string;
  conversationId: string;
}

/** How many copies of each personal card are kept current; an older one is replaced by a pointer. */
export const PERSONAL_COPIES_KEPT = 3;

/** The person's kept cards once `posted` joins them, and those it retires (beyond the newest copies). */
export function withCardPosted(
  cards: PersonalCard[] | undefined,
  posted: PersonalCard,
): { kept: PersonalCard[]; retired: PersonalCard[] } {
  const all = [...(cards ?? []).filter((c) => c.activityId !== posted.activityId), posted];
  const kept = all.filter(
    (c, i) => all.slice(i + 1).filter((later) => later.card === c.card).length < PERSONAL_COPIES_KEPT,
  );
  return { kept, retired: all.filter((c) => !kept.includes(c)) };
}

export type SendStatus = 'claimed' | 'sent' | 'failed';

export interface SendMark {
  status: SendStatus;
  /** When it was claimed, then when it was sent or failed. */
  at: string;
}

/** What was sent to one person on one of their calendar days; its id is `${personKey}|${date}`. */
export interface SendRecord {
  id: string;
  personKey: string;
  date: string;
  /** The scheduled digest of that day, with the engagements it covered. */
  scheduled?: SendMark & { engagementIds: string[] };
  /** Reminders sent with `remind`, per engagement, with who asked. */
  reminders: Record<string, SendMark & { by: string }>;
}

export const sendRecordId = (personKey: string, date: string): string => `${personKey}|${date}`;

/** A settled send, or a claim younger than the lease (an older one belongs to a process that died sending). */
export const isLive = (mark: SendMark | undefined, now: Date, leaseMs: number): boolean =>
  mark !== undefined && (mark.status !== 'claimed' || now.getTime() - Date.parse(mark.at) < leaseMs);

/** A reminder that went out, or is going out: a failed one does not stop another try. */
export const wasReminded = (mark: SendMark | undefined, now: Date, leaseMs: number): boolean =>
  mark !== undefined && mark.status !== 'failed' && isLive(mark, now, leaseMs);
