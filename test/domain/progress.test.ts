import { InvalidInputError } from '../../src/domain/errors';
import { progressByRole, progressByWorkshop } from '../../src/domain/progress';
import { changeTaskStatus, type TaskChange } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { anEngagement, people, seedPlaybook, T0 } from '../fixtures/engagement';

const summary = (progress: Map<string, { done: number; total: number; outstanding: { id: string }[] }>) =>
  Object.fromEntries(
    [...progress].map(([k, p]) => [k, `${p.done}/${p.total} ${p.outstanding.map((t) => t.id).join(',')}`]),
  );

function apply(e: Engagement, ...changes: Omit<TaskChange, 'actor'>[]): Engagement {
  return changes.reduce((acc, c) => changeTaskStatus(acc, { ...c, actor: people.manager }, T0).engagement, e);
}

describe('mandatory progress', () => {
  it('starts with every mandatory task outstanding, per workshop and per role', () => {
    const e = anEngagement();
    expect(summary(progressByWorkshop(e))).toEqual({
      'Identity Security': '0/1 2533',
      'Device Security': '0/4 2460,4084,4079,4078',
      'Information Security': '0/2 3747,3997',
    });
    expect(summary(progressByRole(e))).toEqual({
      SME: '0/4 2533,4084,4078,3997',
      'FastTrack Manager': '0/2 2460,4079',
      'FastTrack Engineer': '0/1 3747',
    });
  });

  it('counts done tasks and drops not-applicable ones from the total', () => {
    const e = apply(
      anEngagement(),
      { taskId: '2460', action: 'complete' },
      { taskId: '4079', action: 'notApplicable', reason: 'Customer uses another AV' },
      { taskId: '4085', action: 'complete' },
    );
    expect(summary(progressByWorkshop(e))['Device Security']).toBe('1/3 4084,4078');
    expect(summary(progressByRole(e))['FastTrack Manager']).toBe('1/1 ');
  });
});

describe('starting an engagement', () => {
  it('snapshots every task of the playbook as not started, on the playbook version it began with', () => {
    const e = anEngagement();
    expect(e.tasks).toHaveLength(11);
    expect(new Set(e.tasks.map((t) => t.status))).toEqual(new Set(['notStarted']));
    expect(e.playbookVersion).toBe(seedPlaybook.version);
    expect(e.id).toMatch(/^eng-[0-9a-f]{32}$/);
  });

  it('gives the same channel the same engagement id', () => {
    expect(anEngagement().id).toBe(anEngagement({ customerName: 'Other' }).id);
    expect(anEngagement().id).not.toBe(anEngagement({ channelId: '19:another@thread.tacv2' }).id);
  });

  it.each([
    [{ customerName: '  ' }, 'customer name: is required'],
    [{ customerName: '\u200b\u202e\u0007' }, 'customer name: is required'],
    [{ customerName: 'x'.repeat(201) }, 'customer name: is 201 characters; the limit is 200'],
    [{ roles: [{ role: 'Wizard', people: [] }] }, 'roles: "Wizard" is not a role of this playbook'],
    [{ servicesInScope: ['Minecraft'] }, 'servicesInScope: "Minecraft" is not a service of this playbook'],
  ])('refuses %j', (overrides, message) => {
    expect(() => anEngagement(overrides)).toThrow(InvalidInputError);
    expect(() => anEngagement(overrides)).toThrow(message);
  });

  it('trims the customer name', () => {
    expect(anEngagement({ customerName: '  Fabrikam ' }).customerName).toBe('Fabrikam');
  });

  it('counts the customer name in characters as a person sees them', () => {
    const flags = '🇫🇷'.repeat(200);
    expect(anEngagement({ customerName: flags }).customerName).toBe(flags);
  });
});
