import { CosmosClient, type Database } from '@azure/cosmos';
import { changeTask } from '../../src/app/changeTask';
import { history } from '../../src/app/history';
import { mutateEngagement } from '../../src/app/mutate';
import type { Stores } from '../../src/app/ports';
import { ConflictError } from '../../src/app/versionedWrites';
import { overflowingEvents } from '../../src/domain/audit';
import { memberKeys, personKey } from '../../src/domain/people';
import { changeTaskStatus } from '../../src/domain/transitions';
import type { Engagement } from '../../src/domain/types';
import { CosmosEngagementData } from '../../src/store/cosmosEngagementData';
import { CosmosEngagementStore, STALE_MEMBER_MS } from '../../src/store/cosmosEngagementStore';
import { CosmosMembers } from '../../src/store/cosmosMembers';
import type { MigrationReport } from '../../src/store/cosmosMigration';
import { connectCosmosStores } from '../../src/store/cosmosStores';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { anEngagement, people, person, T0 } from '../fixtures/engagement';

let local: LocalCosmos;
let stores: Stores;
let channel = 0;
const fresh = (overrides = {}) => anEngagement({ channelId: `19:layout-${channel++}@thread.tacv2`, ...overrides });
const deps = () => ({ store: stores.engagements, now: () => T0 });
const connect = (database: string, migrated?: (report: MigrationReport) => void) =>
  connectCosmosStores({ endpoint: local.endpoint, key: local.key, database, migrated });

/** A client of its own, to look at the containers as they are stored. */
let raw: CosmosClient;
beforeAll(async () => {
  local = await startLocalCosmos();
  stores = await connect('layout');
  raw = new CosmosClient({
    endpoint: local.endpoint,
    key: local.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
});
afterAll(async () => {
  raw.dispose();
  await stores.close();
  await local.stop();
});

/** Completes and reopens task 2533 `count` times. */
async function flip(engagement: Engagement, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await changeTask(deps(), engagement.id, {
      taskId: '2533',
      action: i % 2 ? 'reopen' : 'complete',
      actor: people.sme,
    });
  }
}

function withRoles(engagement: Engagement, sme: typeof people.sme): Engagement {
  const roles = engagement.roles.map((r) => (r.role === 'SME' ? { ...r, people: [sme] } : r));
  return { ...engagement, roles, memberKeys: memberKeys({ roles }) };
}

describe('a task action on Cosmos DB', () => {
  it('is two requests: the point read and one transactional batch, also when it moves an event to the trail', async () => {
    const engagement = fresh();
    await stores.engagements.create(engagement);
    await flip(engagement, 6);
    local.requests.reset();
    await flip(engagement, 10);
    expect(local.requests.log.map((r) => r.kind)).toEqual(Array.from({ length: 10 }, () => ['read', 'batch']).flat());
    expect(local.requests.log.every((r) => r.container === 'engagementData' && r.partitionKey)).toBe(true);
  });

  it('a batch that loses on the etag writes none of the events it would have moved', async () => {
    const engagement = fresh();
    await stores.engagements.create(engagement);
    await flip(engagement, 4);
    const current = (await stores.engagements.get(engagement.id))!;
    const changed = changeTaskStatus(
      { ...current.value, revision: current.value.revision + 1 },
      { taskId: '2533', action: 'complete', actor: people.sme },
      T0,
    ).engagement;
    const { engagement: next, moved } = overflowingEvents(changed, current.value.auditCount!);
    expect(moved.map((e) => e.seq)).toEqual([1]);
    await stores.engagements.replace({ ...current.value, customerName: 'First' }, current.etag);
    await expect(stores.engagements.replace(next, current.etag, moved)).rejects.toBeInstanceOf(ConflictError);
    expect(await stores.engagements.trail(engagement.id, { beforeSeq: 100, limit: 100 })).toEqual([]);
  });
});

describe("a person's engagements on Cosmos DB", () => {
  it('are one query on their own partition of members (after its plan), and a point read per engagement, however many others exist', async () => {
    const mine = [fresh(), fresh()];
    for (const engagement of mine) await stores.engagements.create(engagement);
    for (let i = 0; i < 20; i++)
      await stores.engagements.create(fresh({ roles: [{ role: 'SME', people: [person(`Other ${i}`)] }] }));
    local.requests.reset();
    const found = await stores.engagements.listByMember(personKey(people.sme));
    expect(found.map((e) => e.id)).toEqual(expect.arrayContaining(mine.map((e) => e.id)));
    const queries = local.requests.log.filter((r) => r.kind === 'query');
    expect(queries).toEqual([
      { kind: 'query', container: 'members', partitionKey: `["${personKey(people.sme)}"]`, documents: found.length },
    ]);
    expect(local.requests.count('read', 'engagementData')).toBe(found.length);
    expect(local.requests.count('queryPlan')).toBe(1);
    expect(local.requests.log).toHaveLength(found.length + 2);
  });

  it('follow the roles: a person taken off every role no longer finds the engagement, the one put on does', async () => {
    const engagement = fresh();
    await stores.engagements.create(engagement);
    const newcomer = person('Newcomer');
    await mutateEngagement(stores.engagements, engagement.id, (e) => ({
      engagement: withRoles(e, newcomer),
      result: null,
    }));
    expect((await stores.engagements.listByMember(personKey(newcomer))).map((e) => e.id)).toEqual([engagement.id]);
    expect((await stores.engagements.listByMember(personKey(people.sme))).map((e) => e.id)).not.toContain(
      engagement.id,
    );
    const left = await raw.database('layout').container('members').item(engagement.id, personKey(people.sme)).read();
    expect(left.statusCode).toBe(404);
  });

  it('a stale entry (a write that lost, a deletion cut short) is not listed, and is removed once old enough', async () => {
    const database: Database = raw.database('layout');
    const members = new CosmosMembers(database.container('members'));
    const data = new CosmosEngagementData(database.container('engagementData'));
    const ghost = person('Ghost');
    await members.add('eng-never-written', [personKey(ghost)]);
    let now = Date.now();
    const store = new CosmosEngagementStore(data, members, () => now);
    expect(await store.listByMember(personKey(ghost))).toEqual([]);
    expect(await members.of(personKey(ghost))).toHaveLength(1);
    now += STALE_MEMBER_MS + 60_000;
    expect(await store.listByMember(personKey(ghost))).toEqual([]);
    expect(await members.of(personKey(ghost))).toEqual([]);
  });

  it('deleting an engagement removes its partition and its members', async () => {
    const engagement = fresh();
    await stores.engagements.create(engagement);
    await flip(engagement, 8);
    await stores.engagements.delete(engagement.id);
    expect(await stores.engagements.get(engagement.id)).toBeUndefined();
    expect(await stores.engagements.trail(engagement.id, { beforeSeq: 100, limit: 100 })).toEqual([]);
    const members = new CosmosMembers(raw.database('layout').container('members'));
    for (const key of engagement.memberKeys) {
      expect((await members.of(key)).map((m) => m.engagementId)).not.toContain(engagement.id);
    }
  });
});

describe('data of the first layout (engagements by id, their trails in audit)', () => {
  it('is copied once at start: engagements, their older events and who holds a role where', async () => {
    const { database } = await raw.databases.createIfNotExists({ id: 'legacy' });
    const { container: engagements } = await database.containers.createIfNotExists({
      id: 'engagements',
      partitionKey: { paths: ['/id'] },
    });
    const { container: audit } = await database.containers.createIfNotExists({
      id: 'audit',
      partitionKey: { paths: ['/engagementId'] },
    });
    const engagement = fresh();
    const events = engagement.audit;
    const old = { ...engagement, audit: [], auditCount: events.length };
    await engagements.items.create(old);
    for (const event of events) {
      await audit.items.create({
        id: `${engagement.id}.${event.seq}`,
        engagementId: engagement.id,
        seq: event.seq,
        event,
      });
    }
    const reports: MigrationReport[] = [];
    const migrated = await connect('legacy', (r) => reports.push(r));
    expect(reports).toEqual([{ engagements: 1, events: events.length }]);
    const read = (await migrated.engagements.get(engagement.id))!.value;
    expect(read).toEqual(old);
    expect(await history(migrated.engagements, read, { limit: 50 })).toEqual([...events].reverse());
    expect((await migrated.engagements.listByMember(personKey(people.manager))).map((e) => e.id)).toEqual([
      engagement.id,
    ]);
    await migrated.close();
    const again = await connect('legacy', (r) => reports.push(r));
    expect(reports).toHaveLength(1);
    await again.close();
  });
});
