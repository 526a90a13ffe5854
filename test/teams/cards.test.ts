import { readdirSync } from 'node:fs';
import { CardRenderer, CARDS_DIR } from '../../src/teams/cards/renderer';
import { CARD_NAMES, type CardData, type CardName } from '../../src/teams/views/cardTypes';
import { commandMap } from '../../src/teams/commands';
import { helpView, playbookWorkshopView, welcomeView } from '../../src/teams/views/catalog';
import { choosePlaybookView, setupView } from '../../src/teams/views/setup';
import { reportCardView } from '../../src/teams/views/report';
import { playbookUpdateView } from '../../src/teams/views/playbookUpdate';
import { playbookDiff } from '../../src/domain/playbookDiff';
import { olderSeed } from '../fixtures/olderPlaybook';
import { summaryView } from '../../src/teams/views/summary';
import { taskListView } from '../../src/teams/views/taskList';
import { workshopView } from '../../src/teams/views/workshop';
import { keyInputsView } from '../../src/teams/views/keyInputs';
import { keyOutputsView } from '../../src/teams/views/keyOutputs';
import { historyView } from '../../src/teams/views/history';
import { addOutputArea, answerOutput, outputAreas, OUTPUT_LIMITS, signOffOutputs } from '../../src/domain/outputs';
import { overrideInputs } from '../../src/domain/keyInputs';
import type { Engagement } from '../../src/domain/types';
import { changeTaskStatus } from '../../src/domain/transitions';
import { digestFor } from '../../src/domain/reminders';
import { personKey } from '../../src/domain/people';
import { digestView } from '../../src/teams/views/digest';
import { cardProblems } from '../fixtures/cardCheck';
import { anEngagement, people, seedCatalog, seedPlaybook, T0 } from '../fixtures/engagement';

const renderer = new CardRenderer();
const library = new CardRenderer(CARDS_DIR, 'library');

/** The largest engagement a card has to show: long names, many people, every task with a long reason. */
function largestEngagement() {
  const crowd = Array.from({ length: 25 }, (_, i) => ({ id: `29:p${i}`, name: `Person With A Long Name ${i}` }));
  const start = anEngagement({
    customerName: 'C'.repeat(200),
    roles: seedPlaybook.roles.map((role) => ({ role, people: crowd })),
    customerContacts: crowd,
    workshops: seedPlaybook.workshops.map((w) => ({ name: w.name, targetDate: '2026-12-31' })),
  });
  return start.tasks.reduce(
    (e, t) =>
      changeTaskStatus(e, { taskId: t.id, action: 'notApplicable', actor: crowd[0]!, reason: 'r'.repeat(500) }, T0)
        .engagement,
    start,
  );
}

/** Every area the most a customer can add, each answered with the longest reason or note, signed off. */
function largestOutputs(): Engagement {
  const contact = largestEngagement().customerContacts[0]!;
  const base = { ...largestEngagement(), customerContacts: [contact] };
  const added = Array.from(
    { length: OUTPUT_LIMITS.addedAreas },
    (_, i) => `${i} ${'F'.repeat(OUTPUT_LIMITS.area - 3)}`,
  );
  const withAreas = added.reduce((e, area) => addOutputArea(e, area, contact, T0), base);
  const answered = outputAreas(withAreas).reduce(
    (e, area, i) =>
      answerOutput(
        e,
        i % 2
          ? { area, answer: 'notPlanned', reason: 'r'.repeat(OUTPUT_LIMITS.reason) }
          : { area, answer: 'enabled', date: '2026-11-20', note: 'n'.repeat(OUTPUT_LIMITS.note) },
        contact,
        T0,
      ),
    withAreas,
  );
  return signOffOutputs(answered, contact, T0);
}

const engagement = anEngagement({ servicesInScope: ['AADP', 'Intune'] });
const started = changeTaskStatus(
  engagement,
  { taskId: '2460', action: 'complete', actor: people.manager },
  T0,
).engagement;
const names = seedPlaybook.workshops.map((w) => w.name);

/** A manager who holds every role in 20 engagements whose workshops are all long overdue. */
function largestDigest() {
  const engagements = Array.from({ length: 20 }, (_, i) =>
    anEngagement({
      customerName: `Customer ${i} ${'C'.repeat(180)}`,
      channelId: `19:digest-${i}@thread.tacv2`,
      roles: seedPlaybook.roles.map((role) => ({ role, people: [people.manager, people.sme] })),
      workshops: names.map((name) => ({ name, targetDate: '2026-10-01' })),
    }),
  );
  return digestFor(
    {
      recipient: people.manager,
      engagements,
      today: '2026-11-30',
      kind: 'weekly',
      now: T0,
      snoozes: [],
      unreachable: new Map([[personKey(people.sme), people.sme.name]]),
    },
    { leadDays: 5, escalateAfterDays: 3, hour: 9 },
  );
}

/** Every template with the data the bot really gives it, including the largest case. */
const heading = { title: 'Open tasks', subtitle: 'Contoso' };
const allRoles = (e: Engagement) => [...new Set(e.tasks.map((t) => t.role))];

const samples: { [K in CardName]: CardData[K][] } = {
  playbookWorkshop: seedPlaybook.workshops.map((w) => playbookWorkshopView(seedPlaybook, w, 'footer')),
  workshop: [
    ...names.map((w) => workshopView(started, seedPlaybook, w)),
    ...names.map((w) => workshopView(largestEngagement(), seedPlaybook, w)),
  ],
  taskRow: [
    ...workshopView(started, seedPlaybook, 'Device Security').openTasks,
    ...workshopView(started, seedPlaybook, 'Device Security').finishedTasks,
  ],
  summary: [
    summaryView(started, seedPlaybook, seedPlaybook.title),
    summaryView(largestEngagement(), seedPlaybook, seedPlaybook.title),
    summaryView(largestOutputs(), seedPlaybook, seedPlaybook.title),
  ],
  keyInputs: [
    keyInputsView(started, seedPlaybook),
    keyInputsView(overrideInputs(started, seedPlaybook.keyInputs, 'x'.repeat(500), people.manager, T0), seedPlaybook),
  ],
  keyOutputs: [keyOutputsView(started, seedPlaybook), keyOutputsView(largestOutputs(), seedPlaybook)],
  history: [
    historyView(largestOutputs(), largestOutputs().audit.slice(-20).reverse(), 20),
    historyView(started, [], 20, { taskId: '4084' }),
  ],
  confirmDelete: [
    {
      engagementId: started.id,
      requestId: '7f9c1e1a-2b44-4c57-9d0e-6a8b3c2d1e0f',
      customerName: 'C'.repeat(200),
      customerPossessive: `${'C'.repeat(200)}'s`,
      text: 'This deletes everything.',
      deleteTitle: `Delete ${'C'.repeat(200)}'s data`,
    },
  ],
  setup: [
    setupView(seedPlaybook, [people.sme, people.manager, people.customer]),
    setupView(seedPlaybook, [people.sme], started),
  ],
  choosePlaybook: [choosePlaybookView(seedCatalog.playbooks)],
  taskList: [
    taskListView(heading, [started], () => ['SME'], { person: people.sme }, { list: 'channel', args: 'sme' }),
    // Every task of 30 engagements, more than the card lists: the limit keeps it under 40 KB.
    taskListView(heading, Array(30).fill(started), allRoles, { person: people.manager }, { list: 'mine' }),
    taskListView(heading, [], () => [], {}, { list: 'mine' }),
  ],
  notice: [{ title: 'Settings saved', text: 'Maria saved the settings.' }],
  help: [helpView([...commandMap().values()], true), helpView([...commandMap().values()], false)],
  welcome: [welcomeView(seedCatalog, true), welcomeView(seedCatalog, false)],
  digest: [digestView(largestDigest()), digestView(undefined)],
  playbookUpdate: [
    playbookUpdateView(started, playbookDiff(started, olderSeed(), seedPlaybook), seedPlaybook.title, true),
    playbookUpdateView(
      largestEngagement(),
      playbookDiff(largestEngagement(), seedPlaybook, olderSeed()),
      'T'.repeat(200),
      false,
    ),
  ],
  report: [
    reportCardView(started, `https://bot.example.com/report/${started.id}?x=1&g=0&k=1&s=${'s'.repeat(43)}`, {
      person: people.manager,
    }),
    reportCardView(largestOutputs(), 'https://bot.example.com/report/x', {}, 'Revoked.'),
  ],
};

describe('card templates', () => {
  it('has a data type and a sample for every template file in cards/', () => {
    const files = readdirSync(CARDS_DIR).map((f) => f.replace(/\.json$/, ''));
    expect(files.sort()).toEqual([...CARD_NAMES].sort());
  });

  it.each(CARD_NAMES.flatMap((name) => samples[name].map((data, i) => [name, i, data] as const)))(
    '%s card #%i compiled gives exactly what adaptivecards-templating gives',
    (name, _i, data) => {
      expect(renderer.card(name, data as never)).toEqual(library.card(name, data as never));
    },
  );

  it.each(CARD_NAMES.flatMap((name) => samples[name].map((data, i) => [name, i, data] as const)))(
    '%s card #%i binds fully, parses as an Adaptive Card 1.5 and stays under 40 KB',
    (name, _i, data) => {
      const card = renderer.card(name, data as never);
      expect(card.version).toBe('1.5');
      expect(cardProblems(card)).toEqual([]);
    },
  );

  it('names the task on each of its buttons, which a screen reader reads and a pointer shows as a tip', () => {
    const actions: Record<string, unknown>[] = [];
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') {
        const element = value as Record<string, unknown>;
        if (String(element.type).startsWith('Action.')) actions.push(element);
        Object.values(element).forEach(collect);
      }
    };
    for (const name of ['workshop', 'taskList', 'digest'] as const) {
      for (const data of samples[name]) collect(JSON.parse(JSON.stringify(renderer.card(name, data as never))));
    }
    const managersCopy = workshopView(started, seedPlaybook, 'Device Security', { person: people.manager });
    collect(JSON.parse(JSON.stringify(renderer.card('workshop', managersCopy))));
    const taskOf = (action: Record<string, unknown>): string | undefined => {
      const toggled = (action.targetElements as string[] | undefined)?.[0];
      return (action.data as { taskId?: string } | undefined)?.taskId ?? toggled?.match(/^more-(.+)$/)?.[1];
    };
    const forTasks = actions.filter((action) => taskOf(action) !== undefined);
    expect(forTasks.length).toBeGreaterThan(100);
    const untold = forTasks.filter((action) => !String(action.tooltip).includes(`task ${taskOf(action)}`));
    expect(untold.map((action) => `${String(action.title)} ${String(taskOf(action))}`)).toEqual([]);
    expect(forTasks.map((action) => action.tooltip)).toEqual(
      expect.arrayContaining([
        'Start task 2460',
        'More for task 4084',
        'Complete task 4084',
        'Snooze task 2460 for 1 day',
      ]),
    );
  });

  it('the checker catches what Teams would reject', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 3 }] })).toEqual([
      'TextBlock text is number',
    ]);
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${x}' }] })).toEqual(
      ['an unbound ${...} expression is left'],
    );
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel2' }] })).toHaveLength(1);
    const huge = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x'.repeat(41 * 1024) }] };
    expect(cardProblems(huge)[0]).toMatch(/^card is \d+ bytes$/);
  });
});
