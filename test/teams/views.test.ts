import { when } from '../../src/teams/views/format';
import { setupView } from '../../src/teams/views/setup';
import { summaryView } from '../../src/teams/views/summary';
import { workshopView } from '../../src/teams/views/workshop';
import { anEngagement, people, seedPlaybook } from '../fixtures/engagement';

describe('the settings card shows what is set', () => {
  it('offers the current people as choices, so Teams pre-fills the pickers, and names them in words', () => {
    const engagement = anEngagement();
    const view = setupView(seedPlaybook, [people.stranger], engagement);
    const choices = view.people.map((p) => p.value);
    for (const role of view.roles) {
      for (const key of role.value.split(',').filter(Boolean)) expect(choices).toContain(key);
    }
    expect(view.roles.find((r) => r.role === 'SME')).toMatchObject({ value: 'aad-sam', current: 'Sam' });
    expect(view).toMatchObject({ contactsValue: 'aad-chris', contactsCurrent: 'Chris' });
    expect(choices).toContain('aad-stan');
  });
});

describe("a person's own copy of a workshop card", () => {
  const engagement = anEngagement();
  const buttons = (viewer: Parameters<typeof workshopView>[3]) =>
    Object.fromEntries(
      workshopView(engagement, seedPlaybook, 'Device Security', viewer).openTasks.map((r) => [r.id, r.primaryTitle]),
    );

  it.each([
    ['the FastTrack Manager', people.manager, ['Start', 'Start', 'Start', 'Start', 'Start']],
    ['the SME', people.sme, ['', 'Start', '', 'Start', 'Start']],
    ['a customer contact', people.customer, ['', '', '', '', '']],
    ['someone else', people.stranger, ['', '', '', '', '']],
  ])('%s sees the buttons they may press', (_who, person, expected) => {
    expect(Object.values(buttons({ person }))).toEqual(expected);
  });

  it('the copy everyone shares offers each task its next step', () => {
    expect(Object.values(buttons({})).every((title) => title === 'Start')).toBe(true);
  });
});

describe('times and counts', () => {
  it("shows times in the reader's time zone, and UTC when it is not known", () => {
    expect(when('2026-11-29T09:30:00Z')).toBe('29 Nov 2026, 09:30 UTC');
    expect(when('2026-11-29T09:30:00Z', 'Europe/Paris')).toBe('29 Nov 2026, 10:30 (Europe/Paris)');
    expect(when('2026-07-01T09:30:00Z', 'America/New_York')).toBe('1 Jul 2026, 05:30 (America/New_York)');
    expect(when('2026-11-29T09:30:00Z', 'Not/AZone')).toBe('29 Nov 2026, 09:30 UTC');
  });

  it('says "task" for one and "tasks" for any other number', () => {
    const one = anEngagement({ servicesInScope: ['AADP'] });
    expect(workshopView(one, seedPlaybook, 'Identity Security').progressText).toBe('0 of 1 mandatory task done');
    expect(workshopView(one, seedPlaybook, 'Device Security').progressText).toBe('0 of 0 mandatory tasks done');
    expect(summaryView(one, seedPlaybook, 'T').overall).toBe('0 of 1 mandatory task done; 1 outstanding.');
  });
});
