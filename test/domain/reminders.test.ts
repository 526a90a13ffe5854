import { businessDaysBetween, localDate, nextBusinessDay, zonedInstant } from '../../src/domain/calendar';
import { personKey } from '../../src/domain/people';
import { digestFor, digestKindOn, nextDigestAt, type DigestInput } from '../../src/domain/reminders';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { anEngagement, people, seedPlaybook } from '../fixtures/engagement';

const policy = { leadDays: 5, escalateAfterDays: 3, hour: 9 };
const MONDAY = '2026-11-30';
const WEDNESDAY = '2026-12-02';
const at = (iso: string) => new Date(iso);

/** Identity Security due on `identity`; the other workshops without a target date. */
const engagementDue = (identity: string, overrides = {}): Engagement =>
  anEngagement({
    workshops: [{ name: 'Identity Security', targetDate: identity }],
    ...overrides,
  });

const input = (engagements: Engagement[], over: Partial<DigestInput> = {}): DigestInput => ({
  recipient: people.sme,
  engagements,
  today: WEDNESDAY,
  kind: 'daily',
  now: at(`${WEDNESDAY}T09:00:00Z`),
  snoozes: [],
  unreachable: new Map(),
  ...over,
});

const ids = (digest: ReturnType<typeof digestFor>) =>
  digest?.sections.flatMap((s) => s.items.map((i) => `${i.taskId}:${i.state}`)) ?? [];

describe('business days and time zones', () => {
  it.each([
    ['Friday to Monday', '2026-11-27', '2026-11-30', 1],
    ['a whole week', '2026-11-30', '2026-12-07', 5],
    ['the same day', WEDNESDAY, WEDNESDAY, 0],
    ['backwards', '2026-12-07', '2026-11-30', -5],
  ])('%s is %i business days', (_what, from, to, days) => {
    expect(businessDaysBetween(from, to)).toBe(days);
  });

  it('the business day after a Friday is the Monday', () => {
    expect(nextBusinessDay('2026-11-27')).toBe('2026-11-30');
  });

  it.each([
    ['Tokyo, ahead of UTC', 'Asia/Tokyo', MONDAY, '2026-11-30T00:00:00.000Z'],
    ['Los Angeles, behind UTC', 'America/Los_Angeles', MONDAY, '2026-11-30T17:00:00.000Z'],
    ['Kiritimati, the previous UTC day', 'Pacific/Kiritimati', MONDAY, '2026-11-29T19:00:00.000Z'],
    ['New York the day clocks go forward', 'America/New_York', '2026-03-09', '2026-03-09T13:00:00.000Z'],
    ['New York the Friday before', 'America/New_York', '2026-03-06', '2026-03-06T14:00:00.000Z'],
  ])('9:00 in %s', (_what, zone, date, instant) => {
    expect(zonedInstant(date, 9, zone).toISOString()).toBe(instant);
  });

  it('a wall-clock hour skipped by a daylight-saving change falls on the first instant after the gap', () => {
    expect(zonedInstant('2026-03-08', 2, 'America/New_York').toISOString()).toBe('2026-03-08T07:00:00.000Z');
    expect(zonedInstant('2026-11-01', 1, 'America/New_York').toISOString()).toBe('2026-11-01T05:00:00.000Z');
  });
});

describe('when the next digest is due', () => {
  it.each([
    ['before 9 on a weekday: today at 9', '2026-12-02T08:59:00Z', 'UTC', '2026-12-02T09:00:00.000Z'],
    ['after 9 on a weekday: tomorrow at 9', '2026-12-02T09:00:00Z', 'UTC', '2026-12-03T09:00:00.000Z'],
    ['on Friday after 9: Monday', '2026-12-04T10:00:00Z', 'UTC', '2026-12-07T09:00:00.000Z'],
    ['on Saturday: Monday', '2026-12-05T08:00:00Z', 'UTC', '2026-12-07T09:00:00.000Z'],
    [
      'Sunday 20:00 UTC is Monday in Tokyo: Monday 9:00 Tokyo, not skipped',
      '2026-11-29T20:00:00Z',
      'Asia/Tokyo',
      '2026-11-30T00:00:00.000Z',
    ],
    [
      'Friday 18:00 in Los Angeles (Saturday UTC): Monday in Los Angeles',
      '2026-12-05T02:00:00Z',
      'America/Los_Angeles',
      '2026-12-07T17:00:00.000Z',
    ],
  ])('%s', (_what, now, zone, next) => {
    expect(nextDigestAt(at(now), zone, policy).toISOString()).toBe(next);
  });

  it('across a daylight-saving change every business day gets exactly one digest time', () => {
    const times: string[] = [];
    let now = at('2026-03-05T15:00:00Z');
    while (now < at('2026-03-13T00:00:00Z')) {
      now = nextDigestAt(now, 'America/New_York', policy);
      times.push(localDate(now, 'America/New_York'));
    }
    expect(times).toEqual(['2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13']);
  });

  it('weekdays get a digest, the first of the week lists everything, weekends none', () => {
    expect([MONDAY, WEDNESDAY, '2026-12-05', '2026-12-06'].map(digestKindOn)).toEqual([
      'weekly',
      'daily',
      undefined,
      undefined,
    ]);
  });
});

describe("what a person's digest holds", () => {
  it('a daily digest has the due-soon and overdue mandatory tasks of my roles only', () => {
    const digest = digestFor(input([engagementDue('2026-12-04')]), policy);
    expect(ids(digest)).toEqual(['2533:dueSoon']);
  });

  it('a task past its date is overdue, with business days counted', () => {
    const digest = digestFor(input([engagementDue('2026-11-27')]), policy);
    expect(digest?.sections[0]?.items[0]).toMatchObject({ taskId: '2533', state: 'overdue', overdueDays: 3 });
  });

  it('the weekly digest lists every outstanding mandatory task, overdue first, optional ones never', () => {
    const engagement = engagementDue('2026-11-27', {
      roles: seedPlaybook.roles.map((role) => ({ role, people: [people.sme] })),
    });
    const digest = digestFor(input([engagement], { kind: 'weekly' }), policy);
    const listed = ids(digest);
    expect(listed[0]).toBe('2533:overdue');
    expect(listed).toHaveLength(7);
    expect(listed.some((i) => i.startsWith('4085'))).toBe(false);
  });

  it('done, not-applicable and out-of-scope tasks never appear', () => {
    const base = engagementDue('2026-11-27', {
      roles: seedPlaybook.roles.map((role) => ({ role, people: [people.sme] })),
      servicesInScope: ['AADP', 'Intune'],
    });
    const done = changeTaskStatus(
      base,
      { taskId: '2533', action: 'complete', actor: people.sme },
      at(`${MONDAY}T08:00:00Z`),
    );
    const digest = digestFor(input([done.engagement], { kind: 'weekly' }), policy);
    // 2533 is done; MDATP, Windows 10, Exchange and AIP are not licensed, so 4079, 4078, 3747 and 3997 are out of scope.
    expect(ids(digest).map((i) => i.split(':')[0])).toEqual(['2460', '4084']);
  });

  it('nothing outstanding, nothing sent', () => {
    expect(digestFor(input([engagementDue('2027-06-01')]), policy)).toBeUndefined();
    expect(digestFor(input([engagementDue('2026-11-27')], { recipient: people.customer }), policy)).toBeUndefined();
  });

  it('groups by customer', () => {
    const contoso = engagementDue('2026-11-27');
    const fabrikam = engagementDue('2026-12-03', { customerName: 'Fabrikam', channelId: '19:fabrikam@thread.tacv2' });
    const digest = digestFor(input([contoso, fabrikam]), policy);
    expect(digest?.sections.map((s) => s.customerName)).toEqual(['Contoso', 'Fabrikam']);
  });

  it('a snoozed task stays out of my digest until the snooze ends', () => {
    const engagement = engagementDue('2026-11-27');
    const snoozes = [{ engagementId: engagement.id, taskId: '2533', until: '2026-12-03T09:00:00Z' }];
    expect(digestFor(input([engagement], { snoozes }), policy)).toBeUndefined();
    const later = input([engagement], { snoozes, today: '2026-12-03', now: at('2026-12-03T09:00:00Z') });
    expect(ids(digestFor(later, policy))).toEqual(['2533:overdue']);
  });
});

describe('escalation to the FastTrack Manager', () => {
  const manager = (engagements: Engagement[], over: Partial<DigestInput> = {}) =>
    digestFor(input(engagements, { recipient: people.manager, ...over }), policy);

  it.each([
    ['overdue by 2 business days: not yet', '2026-11-30', 0],
    ['overdue by 3 business days: escalated', '2026-11-27', 1],
  ])('%s', (_what, due, count) => {
    expect(manager([engagementDue(due)])?.sections[0]?.escalations ?? []).toHaveLength(count);
  });

  it('names the owner of an escalated task, even when the owner snoozed it', () => {
    const engagement = engagementDue('2026-11-20');
    const escalation = manager([engagement], {
      snoozes: [{ engagementId: engagement.id, taskId: '2533', until: '2026-12-10T00:00:00Z' }],
    })?.sections[0]?.escalations[0];
    expect(escalation).toMatchObject({ taskId: '2533', owners: ['Sam'], overdueDays: 8 });
  });

  it('names a role with nobody assigned, and people who cannot be reached', () => {
    const engagement = engagementDue('2027-06-01', {
      roles: [
        { role: 'SME', people: [people.sme] },
        { role: 'FastTrack Manager', people: [people.manager] },
      ],
    });
    const section = manager([engagement], { unreachable: new Map([[personKey(people.sme), 'Sam']]) })?.sections[0];
    expect(section?.unassignedRoles).toEqual(['FastTrack Engineer']);
    expect(section?.unreachable).toEqual(['Sam']);
  });

  it('the SME sees no escalations', () => {
    expect(digestFor(input([engagementDue('2026-11-20')]), policy)?.sections[0]?.escalations).toEqual([]);
  });
});
