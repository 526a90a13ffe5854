import {
  ForbiddenActorError,
  InvalidInputError,
  InvalidTransitionError,
  UnknownTaskError,
} from '../../src/domain/errors';
import { AUDIT_KEPT, overflowingEvents, withEvents } from '../../src/domain/audit';
import { allowedActions, changeTaskStatus, LIMITS } from '../../src/domain/transitions';
import type { Engagement, TaskAction } from '../../src/domain/types';
import { anEngagement, people, T0 } from '../fixtures/engagement';

const T1 = new Date('2026-11-02T10:30:00.000Z');
const status = (e: Engagement, id: string) => e.tasks.find((t) => t.id === id)?.status;

describe('moving an FTOP task along', () => {
  it('an SME completes an SME task, and the change is recorded with who, when, before and after', () => {
    const before = anEngagement();
    const { engagement, event } = changeTaskStatus(
      before,
      { taskId: '2533', action: 'complete', actor: people.sme },
      T1,
    );
    const task = engagement.tasks.find((t) => t.id === '2533')!;
    expect(task).toMatchObject({ status: 'done', changedBy: people.sme, changedAt: T1.toISOString() });
    expect(before.audit.map((a) => a.action)).toEqual(['setUp']);
    expect(event).toEqual({
      seq: 2,
      at: T1.toISOString(),
      actor: people.sme,
      taskId: '2533',
      action: 'complete',
      before: 'notStarted',
      after: 'done',
    });
    expect(engagement.audit).toEqual([...before.audit, event]);
    expect(status(before, '2533')).toBe('notStarted');
  });

  it('a FastTrack Manager may change a task of any role', () => {
    const { engagement } = changeTaskStatus(
      anEngagement(),
      { taskId: '3747', action: 'start', actor: people.manager },
      T1,
    );
    expect(status(engagement, '3747')).toBe('inProgress');
  });

  it.each([
    ['a FastTrack Engineer', people.engineer],
    ['a customer contact', people.customer],
    ['someone with no role', people.stranger],
  ])('%s cannot complete an SME task', (_who, actor) => {
    const error = (() => {
      try {
        changeTaskStatus(anEngagement(), { taskId: '2533', action: 'complete', actor }, T1);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ForbiddenActorError);
    expect((error as ForbiddenActorError).requiredRoles).toEqual(['SME', 'FastTrack Manager']);
  });

  it('recognises a person by their Entra object id even when the Teams id differs', () => {
    const sameSme = { ...people.sme, id: '29:other-id' };
    const { engagement } = changeTaskStatus(anEngagement(), { taskId: '2533', action: 'start', actor: sameSme }, T1);
    expect(status(engagement, '2533')).toBe('inProgress');
  });

  it('needs a reason to mark a task not applicable, and keeps it', () => {
    const e = anEngagement();
    expect(() => changeTaskStatus(e, { taskId: '4085', action: 'notApplicable', actor: people.sme }, T1)).toThrow(
      InvalidInputError,
    );
    expect(() =>
      changeTaskStatus(e, { taskId: '4085', action: 'notApplicable', actor: people.sme, reason: '   ' }, T1),
    ).toThrow(/reason: is required/);
    const { engagement, event } = changeTaskStatus(
      e,
      { taskId: '4085', action: 'notApplicable', actor: people.sme, reason: 'No Defender licences' },
      T1,
    );
    expect(engagement.tasks.find((t) => t.id === '4085')).toMatchObject({
      status: 'notApplicable',
      reason: 'No Defender licences',
    });
    expect(event.reason).toBe('No Defender licences');
  });

  it('refuses a reason or a note over the limit', () => {
    const e = anEngagement();
    const long = 'x'.repeat(LIMITS.reason + 1);
    expect(() =>
      changeTaskStatus(e, { taskId: '4085', action: 'notApplicable', actor: people.sme, reason: long }, T1),
    ).toThrow(`reason: is ${LIMITS.reason + 1} characters; the limit is ${LIMITS.reason}`);
    expect(() =>
      changeTaskStatus(
        e,
        { taskId: '4085', action: 'start', actor: people.sme, note: 'y'.repeat(LIMITS.note + 1) },
        T1,
      ),
    ).toThrow(InvalidInputError);
  });

  it('reopening a done task puts it back in progress and clears nothing from the audit', () => {
    const done = changeTaskStatus(
      anEngagement(),
      { taskId: '2533', action: 'complete', actor: people.sme },
      T0,
    ).engagement;
    const { engagement } = changeTaskStatus(done, { taskId: '2533', action: 'reopen', actor: people.sme }, T1);
    expect(status(engagement, '2533')).toBe('inProgress');
    expect(engagement.audit.slice(1).map((a) => `${a.before}->${a.after}`)).toEqual([
      'notStarted->done',
      'done->inProgress',
    ]);
  });

  it.each<[TaskAction, string]>([
    ['start', 'done'],
    ['complete', 'done'],
    ['notApplicable', 'done'],
  ])('cannot %s a task that is %s', (action, _from) => {
    const done = changeTaskStatus(
      anEngagement(),
      { taskId: '2533', action: 'complete', actor: people.sme },
      T0,
    ).engagement;
    expect(() => changeTaskStatus(done, { taskId: '2533', action, actor: people.sme, reason: 'r' }, T1)).toThrow(
      InvalidTransitionError,
    );
  });

  it('cannot reopen a task that was never closed', () => {
    expect(() => changeTaskStatus(anEngagement(), { taskId: '2533', action: 'reopen', actor: people.sme }, T1)).toThrow(
      'cannot reopen task 2533 while it is notStarted',
    );
  });

  it('names an unknown task', () => {
    expect(() =>
      changeTaskStatus(anEngagement(), { taskId: '9999', action: 'start', actor: people.manager }, T1),
    ).toThrow(UnknownTaskError);
  });

  it('offers only the actions that make sense for each status', () => {
    expect(allowedActions('notStarted')).toEqual(['start', 'complete', 'notApplicable']);
    expect(allowedActions('inProgress')).toEqual(['complete', 'notApplicable']);
    expect(allowedActions('done')).toEqual(['reopen']);
    expect(allowedActions('notApplicable')).toEqual(['reopen']);
  });
});

describe('the audit trail', () => {
  it('numbers every event in order and drops none', () => {
    let e = anEngagement();
    for (let i = 0; i < 110; i++) {
      e = changeTaskStatus(e, { taskId: '2533', action: 'complete', actor: people.sme }, T0).engagement;
      e = changeTaskStatus(e, { taskId: '2533', action: 'reopen', actor: people.sme }, T1).engagement;
    }
    expect(e.auditCount).toBe(221);
    expect(e.audit.map((a) => a.seq)).toEqual(Array.from({ length: 221 }, (_, i) => i + 1));
  });

  it('moves the oldest events beyond what the document keeps, but only events already stored', () => {
    const nth = (i: number): TaskAction => (i % 2 ? 'complete' : 'reopen');
    let e = anEngagement();
    for (let i = 1; i < AUDIT_KEPT; i++) {
      e = changeTaskStatus(e, { taskId: '2533', action: nth(i), actor: people.sme }, T0).engagement;
    }
    const stored = e.auditCount!;
    const next = changeTaskStatus(e, { taskId: '2533', action: nth(AUDIT_KEPT), actor: people.sme }, T1).engagement;
    const { engagement, moved } = overflowingEvents(next, stored);
    expect(moved.map((m) => m.seq)).toEqual([1]);
    expect(engagement.audit.map((a) => a.seq)).toEqual(Array.from({ length: AUDIT_KEPT }, (_, i) => i + 2));

    const burst = withEvents(
      e,
      Array.from({ length: AUDIT_KEPT + 5 }, () => ({
        at: T1.toISOString(),
        actor: people.sme,
        action: 'start' as const,
      })),
    );
    const split = overflowingEvents(burst, stored);
    expect(split.moved.every((m) => m.seq! <= stored)).toBe(true);
    expect([...split.moved, ...split.engagement.audit].map((a) => a.seq)).toEqual(burst.audit.map((a) => a.seq));
  });

  it('numbers the events of a document written before events had numbers', () => {
    const old = { ...anEngagement(), auditCount: undefined };
    const withOld = {
      ...old,
      audit: [{ at: T0.toISOString(), actor: people.sme, action: 'start' as const, taskId: '2533' }],
    };
    const e = changeTaskStatus(withOld, { taskId: '2533', action: 'complete', actor: people.sme }, T1).engagement;
    expect(e.audit.map((a) => a.seq)).toEqual([1, 2]);
    expect(e.auditCount).toBe(2);
  });
});
