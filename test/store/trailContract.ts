import { changeEngagement } from '../../src/app/changeEngagement';
import { changeTask } from '../../src/app/changeTask';
import { history } from '../../src/app/history';
import type { EngagementStore, Stores } from '../../src/app/ports';
import { ConflictError } from '../../src/app/versionedWrites';
import { AUDIT_KEPT, overflowingEvents } from '../../src/domain/audit';
import { answerOutput } from '../../src/domain/outputs';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { anEngagement, people, person, T0 } from '../fixtures/engagement';

let channel = 0;
/** A new engagement's trail begins with its setup. */
const SETUP_EVENTS = 1;
const freshEngagement = (overrides = {}) =>
  anEngagement({ channelId: `19:trail-${Date.now()}-${channel++}@thread.tacv2`, ...overrides });

/** Completes and reopens one task `count` times, through the use case the card actions use. */
async function flip(store: EngagementStore, engagement: Engagement, count: number): Promise<void> {
  const deps = { store, now: () => T0 };
  const done = (await store.get(engagement.id))!.value.tasks.find((t) => t.id === '2533')?.status === 'done';
  for (let i = 0; i < count; i++) {
    const action = (i % 2 === 0) !== done ? 'complete' : 'reopen';
    await changeTask(deps, engagement.id, { taskId: '2533', action, actor: people.sme });
  }
}

async function wholeTrail(store: EngagementStore, id: string) {
  const current = (await store.get(id))!.value;
  return history(store, current, { limit: Number.MAX_SAFE_INTEGER });
}

/** The complete audit trail, on every store: nothing capped, nothing lost, nothing seen twice. */
export function trailStoreContract(name: string, open: () => Promise<Stores>, changes: number): void {
  describe(`${name} audit trail`, () => {
    let stores: Stores;
    let store: EngagementStore;
    beforeAll(async () => {
      stores = await open();
      store = stores.engagements;
    });
    afterAll(async () => {
      await stores.close();
    });

    it(`keeps every one of ${changes} changes to one engagement, and the document stays the size of a few`, async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      await flip(store, engagement, AUDIT_KEPT + 10);
      const settledSize = JSON.stringify((await store.get(engagement.id))!.value).length;
      await flip(store, engagement, changes - AUDIT_KEPT - 10 - SETUP_EVENTS);
      const stored = (await store.get(engagement.id))!.value;
      expect(stored.audit).toHaveLength(AUDIT_KEPT);
      expect(JSON.stringify(stored).length).toBeLessThan(settledSize * 1.05);
      const trail = await wholeTrail(store, engagement.id);
      expect(trail.map((e) => e.seq)).toEqual(Array.from({ length: changes }, (_, i) => changes - i));
      const task = await history(store, stored, { limit: 30, taskId: '2533' });
      expect(task).toHaveLength(30);
      expect(await history(store, stored, { limit: 5, taskId: '4084' })).toEqual([]);
    }, 240_000);

    it('a write that loses a conflict after its moved events were kept shows each event once', async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      await flip(store, engagement, AUDIT_KEPT - SETUP_EVENTS);
      const current = (await store.get(engagement.id))!;
      const done = current.value.tasks.find((t) => t.id === '2533')?.status === 'done';
      const changed = changeTaskStatus(
        { ...current.value, revision: current.value.revision + 1 },
        { taskId: '2533', action: done ? 'reopen' : 'complete', actor: people.sme },
        T0,
      ).engagement;
      const { engagement: next, moved } = overflowingEvents(changed, current.value.auditCount!);
      expect(moved).toHaveLength(1);
      await store.replace({ ...current.value, customerName: 'Changed first' }, current.etag);
      await expect(store.replace(next, current.etag, moved)).rejects.toBeInstanceOf(ConflictError);
      const trail = await wholeTrail(store, engagement.id);
      expect(trail.map((e) => e.seq)).toEqual(Array.from({ length: AUDIT_KEPT }, (_, i) => AUDIT_KEPT - i));
      await flip(store, engagement, 3);
      const after = await wholeTrail(store, engagement.id);
      expect(after.map((e) => e.seq)).toEqual(Array.from({ length: AUDIT_KEPT + 3 }, (_, i) => AUDIT_KEPT + 3 - i));
    });

    it('keeps both of two contacts answering at the same moment, each with its event', async () => {
      const second = person('Casey');
      const engagement = freshEngagement({
        servicesInScope: ['AADP', 'Intune'],
        customerContacts: [people.customer, second],
      });
      await store.create(engagement);
      const deps = { store, now: () => T0 };
      await Promise.all([
        changeEngagement(deps, engagement.id, (e, now) =>
          answerOutput(e, { area: 'AADP', answer: 'enabled' }, people.customer, now),
        ),
        changeEngagement(deps, engagement.id, (e, now) =>
          answerOutput(e, { area: 'Intune', answer: 'notPlanned', reason: 'Another MDM' }, second, now),
        ),
      ]);
      const stored = (await store.get(engagement.id))!.value;
      expect(stored.outputs?.answers.map((a) => `${a.area}:${a.by.name}`).sort()).toEqual([
        'AADP:Chris',
        'Intune:Casey',
      ]);
      expect(stored.audit.filter((e) => e.action === 'outputAnswered')).toHaveLength(2);
    });

    it('deletes the engagement with its whole trail and who holds its roles', async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      await flip(store, engagement, AUDIT_KEPT + 20);
      expect((await wholeTrail(store, engagement.id)).length).toBe(SETUP_EVENTS + AUDIT_KEPT + 20);
      await store.delete(engagement.id);
      expect(await store.get(engagement.id)).toBeUndefined();
      expect(await store.trail(engagement.id, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 1000 })).toEqual([]);
      expect((await store.listByMember(people.sme.aadObjectId!)).map((e) => e.id)).not.toContain(engagement.id);
      await expect(store.delete(engagement.id)).resolves.toBeUndefined();
    });
  });
}
