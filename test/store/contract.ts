import { history } from '../../src/app/history';
import { changeTask } from '../../src/app/changeTask';
import { mutateEngagement } from '../../src/app/mutate';
import type { EngagementStore, Stores } from '../../src/app/ports';
import { AlreadyExistsError, ConflictError, NotFoundError } from '../../src/app/versionedWrites';
import { InvalidTransitionError } from '../../src/domain/errors';
import { memberKeys, personKey } from '../../src/domain/people';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement, Person } from '../../src/domain/types';
import { anEngagement, people, person, seedPlaybook, T0 } from '../fixtures/engagement';
import { wideEngagement } from '../fixtures/wideEngagement';

let channel = 0;
const freshEngagement = () => anEngagement({ channelId: `19:contract-${Date.now()}-${channel++}@thread.tacv2` });

/** The behaviour every EngagementStore must have; run once per implementation. */
export function engagementStoreContract(name: string, open: () => Promise<Stores>): void {
  describe(`${name} engagement store`, () => {
    let stores: Stores;
    let store: EngagementStore;
    beforeAll(async () => {
      stores = await open();
      store = stores.engagements;
    });
    afterAll(async () => {
      await stores.close();
    });

    it('finds nothing for an unknown id', async () => {
      expect(await store.get('eng-does-not-exist')).toBeUndefined();
    });

    it('gives back exactly what was created, with an etag', async () => {
      const engagement = freshEngagement();
      const created = await store.create(engagement);
      expect(created.etag).toEqual(expect.any(String));
      const read = await store.get(engagement.id);
      expect(read?.value).toEqual(engagement);
      expect(read?.etag).toBe(created.etag);
    });

    it('never creates a second engagement with the same id', async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      await expect(store.create({ ...engagement, customerName: 'Duplicate' })).rejects.toBeInstanceOf(
        AlreadyExistsError,
      );
      expect((await store.get(engagement.id))?.value.customerName).toBe('Contoso');
    });

    it('replaces on the current etag and hands out a new one', async () => {
      const engagement = freshEngagement();
      const created = await store.create(engagement);
      const changed = changeTaskStatus(
        engagement,
        { taskId: '2533', action: 'start', actor: people.sme },
        T0,
      ).engagement;
      const replaced = await store.replace(changed, created.etag);
      expect(replaced.etag).not.toBe(created.etag);
      expect((await store.get(engagement.id))?.value.tasks.find((t) => t.id === '2533')?.status).toBe('inProgress');
    });

    it('refuses a write on a stale etag and keeps the winner', async () => {
      const engagement = freshEngagement();
      const created = await store.create(engagement);
      await store.replace({ ...engagement, customerName: 'First' }, created.etag);
      await expect(store.replace({ ...engagement, customerName: 'Second' }, created.etag)).rejects.toBeInstanceOf(
        ConflictError,
      );
      expect((await store.get(engagement.id))?.value.customerName).toBe('First');
    });

    it('says when the engagement to replace is gone', async () => {
      const engagement = freshEngagement();
      await expect(store.replace(engagement, 'any-etag')).rejects.toBeInstanceOf(NotFoundError);
    });

    it('keeps all 20 of 20 concurrent changes to one engagement', async () => {
      const engagement = wideEngagement(20, `19:wide-${name}-${Date.now()}@thread.tacv2`);
      await store.create(engagement);
      const deps = { store, now: () => T0 };
      await Promise.all(
        engagement.tasks.map((task) =>
          changeTask(deps, engagement.id, { taskId: task.id, action: 'complete', actor: people.sme }),
        ),
      );
      const stored = (await store.get(engagement.id))!.value;
      expect(stored.tasks.filter((t) => t.status === 'done')).toHaveLength(20);
      const events = await history(store, stored, { limit: 100 });
      expect(events.map((a) => a.taskId).sort()).toEqual(engagement.tasks.map((t) => t.id).sort());
    });

    it('moves a task once when it is completed twice at the same moment', async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      const deps = { store, now: () => T0 };
      const click = () => changeTask(deps, engagement.id, { taskId: '2533', action: 'complete', actor: people.sme });
      const results = await Promise.allSettled([click(), click()]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(InvalidTransitionError);
      const trail = (await store.get(engagement.id))!.value.audit;
      expect(trail.map((a) => a.action)).toEqual(['setUp', 'complete']);
    });

    it('finds the engagements a person holds a role in, and only those', async () => {
      const key = `aad-member-${name}-${Date.now()}`;
      const member = { id: `29:${key}`, name: 'Member', aadObjectId: key };
      const mine = [freshEngagement(), freshEngagement()].map((e) => ({ ...e, memberKeys: [key, 'someone-else'] }));
      await Promise.all([...mine, freshEngagement()].map((e) => store.create(e)));
      const found = await store.listByMember(member.aadObjectId);
      expect(found.map((e) => e.id).sort()).toEqual(mine.map((e) => e.id).sort());
      expect(found[0]).toEqual(mine.find((e) => e.id === found[0]?.id));
    });

    it('follows the roles through changes: the newcomer finds the engagement, the one taken off no longer does', async () => {
      const engagement = freshEngagement();
      await store.create(engagement);
      const newcomer = person(`Newcomer ${name} ${Date.now()}`);
      const smeInstead = (e: Engagement, sme: Person): Engagement => {
        const roles = e.roles.map((r) => (r.role === 'SME' ? { ...r, people: [sme] } : r));
        return { ...e, roles, memberKeys: memberKeys({ roles }) };
      };
      const mine = async (someone: Person) =>
        (await store.listByMember(personKey(someone))).map((e) => e.id).filter((id) => id === engagement.id);
      const deps = { store, now: () => T0 };
      // A task change first, so the version the role change replaces is the one this process just wrote.
      await changeTask(deps, engagement.id, { taskId: '2533', action: 'start', actor: people.sme });
      await mutateEngagement(store, engagement.id, (e) => ({ engagement: smeInstead(e, newcomer), result: null }));
      expect(await mine(newcomer)).toEqual([engagement.id]);
      expect(await mine(people.sme)).toEqual([]);
      await changeTask(deps, engagement.id, { taskId: '2533', action: 'complete', actor: newcomer });
      await mutateEngagement(store, engagement.id, (e) => ({ engagement: smeInstead(e, people.sme), result: null }));
      expect(await mine(people.sme)).toEqual([engagement.id]);
      expect(await mine(newcomer)).toEqual([]);
    });

    it('finds the engagements of a playbook on another version that are not complete, and only those', async () => {
      const playbookId = `playbook-${Date.now()}`;
      const [old, current, done] = [freshEngagement(), freshEngagement(), freshEngagement()].map((e) => ({
        ...e,
        playbookId,
      }));
      await store.create({ ...old!, playbookVersion: '2019-07-26.aaaaaaaa' });
      await store.create({ ...current!, playbookVersion: '2019-10-25.bbbbbbbb' });
      await store.create({
        ...done!,
        playbookVersion: '2019-07-26.aaaaaaaa',
        completion: { by: people.manager, at: T0.toISOString(), nextStep: 'Next' },
      });
      expect(await store.outdated(playbookId, '2019-10-25.bbbbbbbb')).toEqual([old!.id]);
    });

    it('keeps every playbook version once, and gives them all back', async () => {
      const version = { ...seedPlaybook, id: `kept-${Date.now()}`, version: '2019-07-26.cccccccc' };
      await stores.playbooks.keep(version);
      await stores.playbooks.keep({ ...version, title: 'Changed without a new version' });
      const kept = (await stores.playbooks.all()).filter((p) => p.id === version.id);
      expect(kept).toEqual([version]);
    });

    it('answers the readiness ping', async () => {
      await expect(stores.ping()).resolves.toBeUndefined();
    });
  });
}
