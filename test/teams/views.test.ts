import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { CardRenderer } from '../../src/teams/cards/renderer';
import { jsonText } from '../../src/teams/jsonText';
import { shown, when, type Viewer } from '../../src/teams/views/format';
import { historyView } from '../../src/teams/views/history';
import { keyInputsView } from '../../src/teams/views/keyInputs';
import { keyOutputsView } from '../../src/teams/views/keyOutputs';
import { confirmDeleteView, engagementDeleted } from '../../src/teams/views/notices';
import { setupView } from '../../src/teams/views/setup';
import { summaryView } from '../../src/teams/views/summary';
import { taskListView } from '../../src/teams/views/taskList';
import { workshopView } from '../../src/teams/views/workshop';
import { buttonsOf } from '../fixtures/cardText';
import { anEngagement, people, seedPlaybook, T0 } from '../fixtures/engagement';

const renderer = new CardRenderer();

describe('the settings card shows what is set', () => {
  it('offers the current people as choices, so Teams pre-fills the pickers, and names them in words', () => {
    const engagement = anEngagement();
    const view = setupView(seedPlaybook, [people.stranger], engagement);
    for (const role of view.roles) {
      const choices = role.choices.map((p) => p.value);
      for (const key of role.value.split(',').filter(Boolean)) expect(choices).toContain(key);
      expect(choices).toContain('aad-stan');
    }
    expect(view.roles[0]).toMatchObject({ value: 'aad-sam', label: 'SME (now: Sam)' });
    expect(view).toMatchObject({ contactsValue: 'aad-chris', contactsLabel: 'Customer contacts (now: Chris)' });
    expect(setupView(seedPlaybook, [people.stranger]).roles[0]?.label).toBe('SME');
    expect(view.contactChoices.map((p) => p.value)).toEqual(['aad-chris', 'aad-stan']);
  });

  it('offers each picker its own people and a few of the team, however large the team', () => {
    const team = Array.from({ length: 500 }, (_, i) => ({ id: `29:m${i}`, name: `Member ${i}`, aadObjectId: `m${i}` }));
    const view = setupView(seedPlaybook, team, anEngagement());
    expect(view.roles[0]?.choices.map((c) => c.title)).toEqual(['Sam', ...team.slice(0, 10).map((m) => m.name)]);
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

  it('the copy everyone shares is read-only: no task buttons, only Key Inputs and Refresh', () => {
    expect(Object.values(buttons({})).every((title) => title === '')).toBe(true);
    const card = renderer.card('workshop', workshopView(engagement, seedPlaybook, 'Device Security'));
    // Key Inputs only posts their card (it changes nothing), so the shared copy offers it to everyone.
    expect(buttonsOf(card).filter((t) => !/^(Show|Hide)|Success criteria/.test(t))).toEqual(['Key Inputs', 'Refresh']);
  });
});

describe('a workshop card shown again after a change', () => {
  /** The card as text, and the same card built from a copy of the engagement, none of whose rows were built before. */
  const both = (engagement: Engagement, viewer: Viewer) => {
    const card = (e: Engagement) =>
      jsonText(renderer.card('workshop', workshopView(e, seedPlaybook, 'Device Security', viewer)));
    return [card(engagement), card(structuredClone(engagement))];
  };

  it('shows every row as a card built anew would: after a click, new people in a role, another reader or zone', () => {
    const e0 = anEngagement();
    const [first] = both(e0, { person: people.manager });
    const e1 = changeTaskStatus(e0, { taskId: '2460', action: 'start', actor: people.manager }, T0).engagement;
    const [again, anew] = both(e1, { person: people.manager });
    expect(again).toBe(anew);
    expect(again).not.toBe(first);
    expect(again).toContain('Maria, ');

    const e2 = { ...e1, roles: e1.roles.map((r) => (r.role === 'SME' ? { ...r, people: [people.stranger] } : r)) };
    const [reassigned, reassignedAnew] = both(e2, { person: people.manager });
    expect(reassigned).toBe(reassignedAnew);
    expect(reassigned).toContain('SME: Stan');
    expect(reassigned).not.toContain('SME: Sam');

    // Each after the manager's copy of the same engagement, whose rows it must not take for its own.
    for (const viewer of [{ person: people.manager, timeZone: 'Asia/Tokyo' }, { person: people.stranger }, {}]) {
      const [shown, shownAnew] = both(e2, viewer);
      expect(shown).toBe(shownAnew);
    }
  });
  it("keeps a row's text only for a row that cannot change, as the view gives them", () => {
    const view = workshopView(anEngagement(), seedPlaybook, 'Device Security', { person: people.manager });
    const row = { ...view.openTasks[0]! };
    const withRow = () => jsonText(renderer.card('workshop', { ...view, openTasks: [row] }));
    expect(withRow()).toContain(row.name);
    row.name = 'Renamed in place';
    expect(withRow()).toContain('Renamed in place');
    expect(Object.isFrozen(view.openTasks[0])).toBe(true);
  });
});

describe("each person's own copy of the summary, Key Inputs and Key Outputs", () => {
  const engagement = anEngagement();
  const shown = {
    summary: (viewer: Viewer) =>
      // The Show and Hide toggles are everyone's: they only fold the card.
      buttonsOf(renderer.card('summary', summaryView(engagement, seedPlaybook, 'T', viewer))).filter(
        (title) => !/^(Show|Hide) /.test(title),
      ),
    keyInputs: (viewer: Viewer) =>
      buttonsOf(renderer.card('keyInputs', keyInputsView(engagement, seedPlaybook, viewer))),
    keyOutputs: (viewer: Viewer) =>
      buttonsOf(renderer.card('keyOutputs', keyOutputsView(engagement, seedPlaybook, viewer))).filter(
        (title) => !/^(Details|Hide details)$/.test(title),
      ),
  };

  it.each([
    ['the FastTrack Manager', people.manager, ['Refresh', 'Key Outputs', 'Settings']],
    ['the SME', people.sme, ['Refresh', 'Key Outputs']],
    ['a customer contact', people.customer, ['Refresh', 'Key Outputs']],
    ['someone else', people.stranger, ['Refresh']],
    ['everyone (the shared copy)', undefined, ['Refresh']],
  ])('the summary shows %s %j', (_who, person, expected) => {
    expect(shown.summary({ person })).toEqual(expected);
  });

  it.each([
    ['the FastTrack Manager', people.manager, ['Confirm', 'Confirm', 'Proceed without them', 'Refresh']],
    ['the FastTrack Engineer', people.engineer, ['Confirm', 'Confirm', 'Refresh']],
    ['a customer contact', people.customer, ['Refresh']],
    ['everyone (the shared copy)', undefined, ['Refresh']],
  ])('Key Inputs show %s %j', (_who, person, expected) => {
    expect(shown.keyInputs({ person })).toEqual(expected);
  });

  it.each([
    ['a customer contact', people.customer, ['Save answers', 'Refresh']],
    ['the FastTrack Manager', people.manager, ['Refresh']],
    ['everyone (the shared copy)', undefined, ['Refresh']],
  ])('Key Outputs show %s %j', (_who, person, expected) => {
    expect(shown.keyOutputs({ person })).toEqual(expected);
  });
});

describe('times and counts', () => {
  it("shows times in the reader's time zone, and UTC when it is not known", () => {
    expect(when('2026-11-29T09:30:00Z')).toBe('29 Nov 2026, 09:30 UTC');
    expect(when('2026-11-29T09:30:00Z', 'Europe/Paris')).toBe('29 Nov 2026, 10:30 (Europe/Paris)');
    expect(when('2026-11-29T09:30:00Z', 'europe/PARIS')).toBe('29 Nov 2026, 10:30 (Europe/Paris)');
    expect(when('2026-07-01T09:30:00Z', 'America/New_York')).toBe('1 Jul 2026, 05:30 (America/New_York)');
    expect(when('2026-11-29T09:30:00Z', 'Not/AZone')).toBe('29 Nov 2026, 09:30 UTC');
  });

  it('shows each time at its own minute, whatever was shown before it', () => {
    expect(when('2026-11-29T11:45:59.999Z', 'Europe/Paris')).toBe('29 Nov 2026, 12:45 (Europe/Paris)');
    expect(when('2026-11-29T11:45:00.000Z', 'Europe/Paris')).toBe('29 Nov 2026, 12:45 (Europe/Paris)');
    expect(when('2026-11-29T11:46:00.000Z', 'Europe/Paris')).toBe('29 Nov 2026, 12:46 (Europe/Paris)');
    // The same digits with an offset are another instant.
    expect(when('2026-11-29T11:45:30+05:00', 'Europe/Paris')).toBe('29 Nov 2026, 07:45 (Europe/Paris)');
    expect(when('2026-11-29T11:45:30.000Z')).toBe('29 Nov 2026, 11:45 UTC');
  });

  it('says "task" for one and "tasks" for any other number', () => {
    const one = anEngagement({ servicesInScope: ['AADP'] });
    expect(workshopView(one, seedPlaybook, 'Identity Security').progressText).toBe('0 of 1 mandatory task done');
    expect(workshopView(one, seedPlaybook, 'Device Security').progressText).toBe('0 of 0 mandatory tasks done');
    expect(summaryView(one, seedPlaybook, 'T').overall).toBe('0 of 1 mandatory task done; 1 open.');
  });

  it('history says how many changes it holds, and "the latest 20" only when there may be more', () => {
    const engagement = anEngagement();
    const subtitle = (count: number) =>
      historyView(
        engagement,
        Array.from({ length: count }, () => engagement.audit[0]!),
        20,
      ).subtitle;
    expect(subtitle(0)).toBe('Contoso · no changes yet · times in UTC');
    expect(subtitle(1)).toBe('Contoso · its one change · times in UTC');
    expect(subtitle(2)).toBe('Contoso · all 2 changes, newest first · times in UTC');
    expect(subtitle(20)).toBe('Contoso · the latest 20 changes, newest first · times in UTC');
  });
});

describe('names in sentences', () => {
  it("a customer whose name ends in s gets an apostrophe, not 's", () => {
    const pharma = anEngagement({ customerName: 'Contoso Pharmaceuticals' });
    expect(confirmDeleteView(pharma, people.manager, 'r1').deleteTitle).toBe("Delete Contoso Pharmaceuticals' data");
    expect(confirmDeleteView(pharma, people.manager, 'r1').customerPossessive).toBe("Contoso Pharmaceuticals'");
    expect(engagementDeleted(people.manager, anEngagement()).text).toBe(
      "Maria deleted all of Contoso's engagement data, its history included.",
    );
  });

  it('a text shown again, as every render shows names again, is cut to the budget of each place it is shown in', () => {
    const name = `[Contoso](https://evil.example) ${'Pharmaceuticals '.repeat(10)}`;
    const inList = shown(name, 60);
    const inHeading = shown(name, 300);
    expect(inList).toMatch(/^\\\[Contoso\\\]\(https:\u2060\/\/evil\u2060\.example\) Pharma.*…$/);
    expect(Buffer.byteLength(JSON.stringify(inList))).toBeLessThanOrEqual(62);
    expect(inHeading.endsWith('…')).toBe(false);
    expect(inHeading).toContain('Pharmaceuticals Pharmaceuticals');
    expect([shown(name, 300), shown(name, 60)]).toEqual([inHeading, inList]);
  });
});

it('a task list fills the button of the next step: Start on a task not started, Complete on one in progress', () => {
  const engagement = anEngagement();
  const started = {
    ...engagement,
    tasks: engagement.tasks.map((t) => (t.id === '4078' ? { ...t, status: 'inProgress' as const } : t)),
  };
  const list = taskListView(
    { title: 'T', subtitle: 'S' },
    [started],
    () => ['SME'],
    { person: people.sme },
    {
      list: 'mine',
    },
  );
  const rows = list.groups.flatMap((g) => g.tasks);
  const styles = (id: string) => rows.filter((r) => r.id === id).map((r) => [r.canStart, r.completeStyle]);
  expect(styles('4078')).toEqual([[false, 'positive']]);
  expect(styles('2533')).toEqual([[true, 'default']]);
  expect(rows.find((r) => r.id === '4078')?.status).toBe('◐ In progress');
});
