import { ForbiddenActorError, InvalidInputError } from '../../src/domain/errors';
import { mayEditSettings } from '../../src/domain/people';
import { LICENSING_REASON } from '../../src/domain/scope';
import { updateSettings } from '../../src/domain/settings';
import type { EngagementSettings } from '../../src/domain/types';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { anEngagement, people, seedPlaybook, T0 } from '../fixtures/engagement';

const T1 = new Date('2026-11-03T09:00:00.000Z');
const task = (e: Engagement, id: string) => e.tasks.find((t) => t.id === id)!;
const settingsOf = (e: Engagement): EngagementSettings => ({
  customerName: e.customerName,
  roles: e.roles,
  customerContacts: e.customerContacts,
  servicesInScope: e.servicesInScope,
  workshops: e.workshops,
});

describe('services in scope', () => {
  const withoutDefender = () => anEngagement({ servicesInScope: ['AADP', 'Intune', 'Exchange', 'AIP'] });

  it('marks tasks whose services are all out of scope as not in the customer licensing', () => {
    const e = withoutDefender();
    expect(task(e, '4079')).toMatchObject({ status: 'notApplicable', outOfScope: true, reason: LICENSING_REASON });
    expect(task(e, '4078')).toMatchObject({ status: 'notApplicable', reason: LICENSING_REASON });
    expect(task(e, '3750').status).toBe('notStarted');
    expect(e.audit.map((a) => `${a.taskId}:${a.action}`)).toEqual([
      'undefined:setUp',
      '4079:outOfScope',
      '4078:outOfScope',
    ]);
  });

  it('lets staff bring an out-of-scope task back, as not started', () => {
    const { engagement } = changeTaskStatus(
      withoutDefender(),
      { taskId: '4079', action: 'reopen', actor: people.manager },
      T1,
    );
    expect(task(engagement, '4079')).toMatchObject({ status: 'notStarted', outOfScope: undefined, reason: undefined });
  });

  it('puts tasks back in scope when the manager adds their service, and leaves other choices alone', () => {
    const e = withoutDefender();
    const kept = changeTaskStatus(e, { taskId: '4085', action: 'notApplicable', actor: people.sme, reason: 'No' }, T0);
    const updated = updateSettings(
      kept.engagement,
      seedPlaybook,
      { ...settingsOf(e), servicesInScope: [...e.servicesInScope, 'MDATP', 'Windows 10'] },
      people.manager,
      T1,
    );
    expect(task(updated, '4079').status).toBe('notStarted');
    expect(task(updated, '4078').status).toBe('notStarted');
    expect(task(updated, '4085')).toMatchObject({ status: 'notApplicable', reason: 'No' });
  });
});

describe('engagement settings', () => {
  it('a FastTrack Manager changes the people, contacts, scope and dates', () => {
    const e = anEngagement();
    const updated = updateSettings(
      e,
      seedPlaybook,
      {
        ...settingsOf(e),
        customerName: 'Contoso Ltd',
        roles: [...e.roles, { role: 'SME', people: [people.stranger] }],
        workshops: [{ name: 'Identity Security', targetDate: '2026-12-15' }],
      },
      people.manager,
      T1,
    );
    expect(updated.customerName).toBe('Contoso Ltd');
    expect(updated.roles.find((r) => r.role === 'SME')?.people).toEqual([people.sme, people.stranger]);
    expect(updated.workshops).toEqual([
      { name: 'Identity Security', targetDate: '2026-12-15' },
      { name: 'Device Security', targetDate: undefined },
      { name: 'Information Security', targetDate: undefined },
    ]);
    expect(updated.memberKeys).toContain(people.stranger.aadObjectId);
  });

  it.each([
    ['an SME', people.sme],
    ['a customer', people.customer],
  ])('%s cannot change the settings', (_who, actor) => {
    expect(() => updateSettings(anEngagement(), seedPlaybook, settingsOf(anEngagement()), actor, T1)).toThrow(
      ForbiddenActorError,
    );
  });

  it('before a manager is assigned, the person who set it up may change them, and nobody else', () => {
    const e = anEngagement({ createdBy: people.engineer, roles: [{ role: 'SME', people: [people.sme] }] });
    expect(mayEditSettings(e, people.engineer)).toBe(true);
    expect(mayEditSettings(e, people.sme)).toBe(false);
  });

  it.each([
    [{ targetDate: '2026-02-30' }, 'targetDate: "2026-02-30" is not a date (YYYY-MM-DD)'],
    [{ targetDate: 'tomorrow' }, 'targetDate: "tomorrow" is not a date (YYYY-MM-DD)'],
    [{ name: 'Cooking', targetDate: '2026-12-01' }, 'workshops: "Cooking" is not a workshop of this playbook'],
  ])('refuses the workshop plan %j', (plan, message) => {
    const workshops = [{ name: 'Identity Security', ...plan }];
    expect(() => anEngagement({ workshops })).toThrow(InvalidInputError);
    expect(() => anEngagement({ workshops })).toThrow(message);
  });

  it('refuses more than 25 people in a role', () => {
    const crowd = Array.from({ length: 26 }, (_, i) => ({ id: `29:p${i}`, name: `P${i}` }));
    expect(() => anEngagement({ roles: [{ role: 'SME', people: crowd }] })).toThrow('SME has more than 25 people');
  });
});

describe('the trail of settings changes', () => {
  it('records each changed setting with who, when, before and after; unchanged settings record nothing', () => {
    const e = anEngagement();
    expect(updateSettings(e, seedPlaybook, settingsOf(e), people.manager, T1).audit).toEqual(e.audit);
    const changed = updateSettings(
      e,
      seedPlaybook,
      {
        ...settingsOf(e),
        customerName: 'Contoso Ltd',
        roles: e.roles.map((r) => (r.role === 'SME' ? { ...r, people: [people.sme, people.stranger] } : r)),
        workshops: [{ name: 'Device Security', targetDate: '2026-12-01' }],
      },
      people.manager,
      T1,
    );
    const events = changed.audit.slice(e.audit.length);
    expect(events.map(({ subject, before, after }) => ({ subject, before, after }))).toEqual([
      { subject: 'Customer name', before: 'Contoso', after: 'Contoso Ltd' },
      { subject: 'SME', before: 'Sam', after: 'Sam, Stan' },
      { subject: 'Target date: Device Security', before: 'none', after: '2026-12-01' },
    ]);
    expect(events.every((ev) => ev.actor === people.manager && ev.at === T1.toISOString())).toBe(true);
  });
});
