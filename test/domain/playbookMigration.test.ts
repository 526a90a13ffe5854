import { ForbiddenActorError } from '../../src/domain/errors';
import { migrateEngagement } from '../../src/domain/migration';
import { answerOutput, signOffOutputs } from '../../src/domain/outputs';
import { outputsStatus } from '../../src/teams/views/keyOutputs';
import { mandatoryProgress } from '../../src/domain/progress';
import { isOutstanding } from '../../src/domain/reminders';
import { playbookDiff } from '../../src/domain/playbookDiff';
import { changeTaskStatus } from '../../src/domain/transitions';
import { startEngagement } from '../../src/domain/engagement';
import { parsePlaybook } from '../../src/playbook/parse';
import type { Playbook } from '../../src/playbook/types';
import { anEngagement, people, seedPlaybook, T0 } from '../fixtures/engagement';
import { OLD_IDENTITY_NAME, olderSeed, SEED_FILE, SEED_MARKDOWN } from '../fixtures/olderPlaybook';

const older = olderSeed();
const onOlder = (services = [...seedPlaybook.services]) =>
  startEngagement(older, { ...settingsOf(), servicesInScope: services }, T0);
function settingsOf() {
  const { customerName, tenantId, teamId, channelId, conversationId, serviceUrl, createdBy, roles, customerContacts } =
    anEngagement();
  return {
    customerName,
    tenantId,
    teamId,
    channelId,
    conversationId,
    serviceUrl,
    createdBy,
    roles,
    customerContacts,
    servicesInScope: [],
    workshops: [],
  };
}
/** The seed with one edit applied to its markdown: a new version of the same playbook. */
const edited = (edit: (markdown: string) => string): Playbook => parsePlaybook(SEED_FILE, edit(SEED_MARKDOWN));

describe('playbook versions', () => {
  it('are the newest Refresh Summary date and a hash of the content, so an edit without a new row is a new version', () => {
    expect(older.version).toMatch(/^2019-07-26\.[0-9a-f]{8}$/);
    expect(seedPlaybook.version).toMatch(/^2019-10-25\.[0-9a-f]{8}$/);
    const typo = edited((m) => m.replace('Deliver MDATP BVD', 'Deliver the MDATP BVD'));
    expect(typo.version.slice(0, 10)).toBe('2019-10-25');
    expect(typo.version).not.toBe(seedPlaybook.version);
  });
});

describe('the difference a newer playbook makes to one engagement', () => {
  const cases: [string, () => ReturnType<typeof playbookDiff>, Partial<ReturnType<typeof playbookDiff>>][] = [
    [
      "the seed's own 10/25/2019 change: three tasks added, the Identity step renamed",
      () => playbookDiff(onOlder(), older, seedPlaybook),
      {
        tasksAdded: [
          {
            id: '4084',
            name: 'Intune - Conduct Microsoft Modern Management Assessment',
            workshop: 'Device Security',
            mandatory: true,
            role: 'SME',
            outOfScope: false,
          },
          {
            id: '4079',
            name: 'MDATP Business Value Deck',
            workshop: 'Device Security',
            mandatory: true,
            role: 'FastTrack Manager',
            outOfScope: false,
          },
          {
            id: '4078',
            name: 'MDATP – Position MDATP over 3rd Party AV',
            workshop: 'Device Security',
            mandatory: true,
            role: 'SME',
            outOfScope: false,
          },
        ],
        workshopsRenamed: [{ from: OLD_IDENTITY_NAME, to: 'Identity Security' }],
        tasksRemoved: [],
        tasksRenamed: [],
        tasksChanged: [],
        workshopsAdded: [],
      },
    ],
    [
      'a task added for a service out of the licensing arrives not applicable',
      () => playbookDiff(onOlder(['AADP', 'Intune']), older, seedPlaybook),
      { tasksAdded: expect.arrayContaining([expect.objectContaining({ id: '4078', outOfScope: true })]) },
    ],
    [
      'a task renamed, made optional and given to another role',
      () =>
        playbookDiff(
          anEngagement(),
          seedPlaybook,
          edited((m) =>
            m.replace(
              '| 2460    | Intune - Conduct Microsoft Intune Workshop              |            M             | FastTrack Manager |',
              '| 2460    | Intune – Microsoft Intune Workshop              |            O             | SME |',
            ),
          ),
        ),
      {
        tasksRenamed: [
          { id: '2460', from: 'Intune - Conduct Microsoft Intune Workshop', to: 'Intune – Microsoft Intune Workshop' },
        ],
        tasksChanged: [
          {
            id: '2460',
            name: 'Intune – Microsoft Intune Workshop',
            changes: ['now optional', 'role FastTrack Manager → SME'],
          },
        ],
      },
    ],
    [
      'a task removed, and Key Inputs changed',
      () =>
        playbookDiff(
          anEngagement(),
          seedPlaybook,
          edited((m) =>
            m.replace(/^\| 4085 .*\n/m, '').replace('Deploy Securely tasks completed', 'Deploy Securely done'),
          ),
        ),
      {
        tasksRemoved: [{ id: '4085', name: 'Deliver MDATP BVD' }],
        keyInputs: { added: ['Deploy Securely done'], removed: ['Deploy Securely tasks completed'] },
      },
    ],
  ];
  it.each(cases)('%s', (_name, diff, expected) => {
    expect(diff()).toMatchObject(expected);
  });
});

describe('applying a newer playbook', () => {
  const apply = (engagement = onOlder(), to = seedPlaybook, from = older) =>
    migrateEngagement(engagement, to, playbookDiff(engagement, from, to), people.manager, T0);

  it('adds the new tasks not started, keeps every status, renames the workshop with its target date, in one event', () => {
    let engagement = changeTaskStatus(
      onOlder(),
      { taskId: '2533', action: 'complete', actor: people.sme },
      T0,
    ).engagement;
    engagement = { ...engagement, workshops: [{ name: OLD_IDENTITY_NAME, targetDate: '2026-12-18' }] };
    const migrated = apply(engagement);
    expect(migrated.playbookVersion).toBe(seedPlaybook.version);
    expect(migrated.tasks.filter((t) => ['4078', '4079', '4084'].includes(t.id)).map((t) => t.status)).toEqual([
      'notStarted',
      'notStarted',
      'notStarted',
    ]);
    expect(migrated.tasks.find((t) => t.id === '2533')).toMatchObject({
      status: 'done',
      workshop: 'Identity Security',
    });
    expect(migrated.workshops).toEqual([{ name: 'Identity Security', targetDate: '2026-12-18' }]);
    expect(migrated.audit.length - engagement.audit.length).toBe(1);
    expect(migrated.audit.at(-1)).toMatchObject({
      action: 'playbookMigrated',
      before: older.version,
      after: seedPlaybook.version,
      note: `added 4084, 4079, 4078; renamed ${OLD_IDENTITY_NAME} to Identity Security.`,
    });
  });

  it('retires a removed task: it keeps its state, and leaves progress and reminders', () => {
    const without4085 = edited((m) => m.replace(/^\| 4085 .*\n/m, ''));
    const engagement = changeTaskStatus(
      anEngagement(),
      { taskId: '4085', action: 'start', actor: people.sme },
      T0,
    ).engagement;
    const migrated = apply(engagement, without4085, seedPlaybook);
    const retired = migrated.tasks.find((t) => t.id === '4085')!;
    expect(retired).toMatchObject({ status: 'inProgress', retired: true });
    expect(isOutstanding(retired)).toBe(false);
    expect(() => changeTaskStatus(migrated, { taskId: '4085', action: 'complete', actor: people.sme }, T0)).toThrow(
      'Task 4085 is no longer in the playbook; it keeps the state it had.',
    );
  });

  it('a task that became mandatory counts in progress and enters reminders from now on', () => {
    const mandatory4085 = edited((m) => m.replace(/(\| 4085 .*?\|.*?\|)\s+O\s+\|/, '$1            M             |'));
    const engagement = anEngagement();
    expect(mandatoryProgress(engagement.tasks).total).toBe(7);
    const migrated = apply(engagement, mandatory4085, seedPlaybook);
    expect(mandatoryProgress(migrated.tasks).total).toBe(8);
    expect(isOutstanding(migrated.tasks.find((t) => t.id === '4085')!)).toBe(true);
  });

  it('keeps a sign-off given before, saying which playbook it was given on', () => {
    let engagement = { ...onOlder(['AADP']), customerContacts: [people.customer] };
    engagement = answerOutput(engagement, { area: 'AADP', answer: 'enabled' }, people.customer, T0);
    engagement = signOffOutputs(engagement, people.customer, T0);
    const migrated = apply(engagement);
    expect(migrated.outputs?.signedOff).toMatchObject({ by: people.customer, playbookVersion: older.version });
    expect(outputsStatus(migrated)).toBe('Signed off by Chris, 2 Nov 2026, 09:00 UTC on the playbook of 26 Jul 2019.');
  });

  it('is for the FastTrack Manager, never moves a complete engagement, and refuses a version it was not shown', () => {
    const engagement = onOlder();
    const diff = playbookDiff(engagement, older, seedPlaybook);
    expect(() => migrateEngagement(engagement, seedPlaybook, diff, people.sme, T0)).toThrow(ForbiddenActorError);
    const complete = { ...engagement, completion: { by: people.manager, at: T0.toISOString(), nextStep: 'x' } };
    expect(() => migrateEngagement(complete, seedPlaybook, diff, people.manager, T0)).toThrow(
      'This engagement is complete',
    );
    const newer = edited((m) => m.replace('Deliver MDATP BVD', 'Deliver the MDATP BVD'));
    expect(() => migrateEngagement(engagement, newer, diff, people.manager, T0)).toThrow('The playbook changed again');
  });
});
