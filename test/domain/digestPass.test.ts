import {
  afterPass,
  claimReminder,
  claimScheduled,
  digestDayOf,
  notYetAnnounced,
  remindedToday,
} from '../../src/domain/digestPass';
import type { PersonRecord, SendRecord } from '../../src/domain/reminderRecords';
import { people } from '../fixtures/engagement';

const MONDAY_10 = new Date('2026-11-30T10:00:00Z');
const clock = { now: MONDAY_10, defaultTimeZone: 'UTC', leaseMs: 60_000 };
const policy = { leadDays: 5, escalateAfterDays: 3, hour: 9 };
const minutesAgo = (minutes: number) => new Date(MONDAY_10.getTime() - minutes * 60_000).toISOString();

const record: PersonRecord = {
  key: 'aad-sme',
  person: people.sme,
  tenantId: 'tenant-contoso',
  serviceUrl: 'http://127.0.0.1:9/',
  nextDigestAt: '2026-11-30T09:00:00.000Z',
  snoozes: [],
};
const sends = (change: Partial<SendRecord> = {}): SendRecord => ({
  id: 'aad-sme|2026-11-30',
  personKey: 'aad-sme',
  date: '2026-11-30',
  reminders: {},
  ...change,
});

describe('the day of a pass', () => {
  it.each([
    ['UTC on a Monday', undefined, '2026-11-30T10:00:00Z', '2026-11-30', 'weekly'],
    ['UTC on a Tuesday', undefined, '2026-12-01T10:00:00Z', '2026-12-01', 'daily'],
    ['a Saturday', undefined, '2026-12-05T10:00:00Z', '2026-12-05', undefined],
    ['Tokyo, already Tuesday there', 'Asia/Tokyo', '2026-11-30T20:00:00Z', '2026-12-01', 'daily'],
  ])('%s', (_, timeZone, now, date, kind) => {
    const day = digestDayOf({ ...record, ...(timeZone && { timeZone }) }, { ...clock, now: new Date(now) });
    expect(day).toEqual({ zone: timeZone ?? 'UTC', date, kind });
  });
});

describe('claiming the scheduled digest', () => {
  it.each([
    ['nothing sent yet: this instance claims it', undefined, 'claim'],
    ['another instance claimed it a minute ago: taken', { status: 'claimed', at: minutesAgo(0.5) }, 'taken'],
    [
      'a claim older than the lease: its process died, so it is claimed again',
      { status: 'claimed', at: minutesAgo(5) },
      'claim',
    ],
    ['sent today: done', { status: 'sent', at: minutesAgo(30) }, 'done'],
    ['failed today: done, not retried until tomorrow', { status: 'failed', at: minutesAgo(30) }, 'done'],
  ] as const)('%s', (_, scheduled, kind) => {
    const claim = claimScheduled(sends(scheduled && { scheduled: { ...scheduled, engagementIds: [] } }), clock);
    expect(claim.kind).toBe(kind);
    if (claim.kind === 'claim')
      expect(claim.sends.scheduled).toEqual({ status: 'claimed', at: MONDAY_10.toISOString(), engagementIds: [] });
  });
});

describe('claiming a reminder', () => {
  it('claims one nobody sent today, with who asked', () => {
    const claim = claimReminder(sends(), 'eng-1', 'Maria', clock);
    expect(claim).toEqual({
      kind: 'claim',
      sends: sends({ reminders: { 'eng-1': { status: 'claimed', at: MONDAY_10.toISOString(), by: 'Maria' } } }),
    });
  });

  it('is done, saying when, once the reminder or the scheduled digest covered the engagement', () => {
    const reminded = sends({ reminders: { 'eng-1': { status: 'sent', at: minutesAgo(20), by: 'Maria' } } });
    expect(claimReminder(reminded, 'eng-1', 'Maria', clock)).toEqual({ kind: 'done', at: minutesAgo(20) });
    const digested = sends({ scheduled: { status: 'sent', at: minutesAgo(60), engagementIds: ['eng-1'] } });
    expect(claimReminder(digested, 'eng-1', 'Maria', clock)).toEqual({ kind: 'done', at: minutesAgo(60) });
    expect(claimReminder(digested, 'eng-2', 'Maria', clock).kind).toBe('claim');
  });

  it('tries again after a failed one', () => {
    const failed = sends({ reminders: { 'eng-1': { status: 'failed', at: minutesAgo(20), by: 'Maria' } } });
    expect(claimReminder(failed, 'eng-1', 'Maria', clock).kind).toBe('claim');
  });
});

it('the scheduled digest leaves out what was reminded today, but not a failed reminder', () => {
  const today = sends({
    reminders: {
      'eng-sent': { status: 'sent', at: minutesAgo(20), by: 'Maria' },
      'eng-going': { status: 'claimed', at: minutesAgo(0.5), by: 'Maria' },
      'eng-failed': { status: 'failed', at: minutesAgo(20), by: 'Maria' },
    },
  });
  expect([...remindedToday(today, clock)].sort()).toEqual(['eng-going', 'eng-sent']);
});

describe('the record after a pass', () => {
  it('is the same object when the pass learned nothing new: no write', () => {
    expect(afterPass(record, {}, MONDAY_10)).toBe(record);
    const withChat = { ...record, conversationId: 'a:chat' };
    expect(afterPass(withChat, { conversationId: 'a:chat' }, MONDAY_10)).toBe(withChat);
    const later = { ...record, nextDigestAt: '2026-12-02T09:00:00.000Z' };
    expect(afterPass(later, { advance: { zone: 'UTC', policy } }, MONDAY_10)).toBe(later);
  });

  it('keeps the chat, the next digest and a refusal together, in one record', () => {
    const after = afterPass(
      { ...record, unreachable: { at: minutesAgo(60), status: 403, announcedIn: ['eng-1'] } },
      {
        conversationId: 'a:chat',
        unreachable: { status: 404, announcedIn: ['eng-2', 'eng-1'] },
        advance: { zone: 'UTC', policy },
      },
      MONDAY_10,
    );
    expect(after).toEqual({
      ...record,
      conversationId: 'a:chat',
      nextDigestAt: '2026-12-01T09:00:00.000Z',
      unreachable: { at: MONDAY_10.toISOString(), status: 404, announcedIn: ['eng-1', 'eng-2'] },
    });
  });

  it('tells only the channels not told before', () => {
    const told = { ...record, unreachable: { at: minutesAgo(60), status: 403, announcedIn: ['eng-1'] } };
    expect(notYetAnnounced(told, [{ id: 'eng-1' }, { id: 'eng-2' }])).toEqual([{ id: 'eng-2' }]);
    expect(notYetAnnounced(record, [{ id: 'eng-1' }])).toEqual([{ id: 'eng-1' }]);
  });
});
