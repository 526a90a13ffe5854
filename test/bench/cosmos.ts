import { CosmosClient, type Container, type OperationInput } from '@azure/cosmos';
import type { Notifier } from '../../src/app/digestDelivery';
import type { Stores } from '../../src/app/ports';
import { AUDIT_KEPT } from '../../src/domain/audit';
import { personKey } from '../../src/domain/people';
import { engagementDocument } from '../../src/store/cosmosEngagementData';
import { memberDocument } from '../../src/store/cosmosMembers';
import { connectCosmosStores } from '../../src/store/cosmosStores';
import { TENANT } from '../fixtures/activities';
import { engagementWithItsOwnSme } from '../fixtures/reminderSeed';
import { startLocalCosmos, type CosmosRequest, type LocalCosmos } from '../fixtures/cosmosServer';
import { people } from '../fixtures/engagement';
import type { FakeConnector } from '../fixtures/fakeConnector';
import { setUp, taskAction } from './actions';
import { post } from './load';
import { settled } from './mixes';
import { startChild } from './processes';
import { digestsAt, MONDAY_10 } from './reminders';

/**
 * Request units by item size, as Microsoft publishes them (learn.microsoft.com/azure/cosmos-db/
 * understand-request-unit-consumption, session consistency): [KB, point read, write].
 */
const RU_TABLE: readonly [number, number, number][] = [
  [1, 1.0, 4.95],
  [2, 1.04, 6.29],
  [4, 1.14, 6.67],
  [8, 1.33, 7.04],
  [16, 1.67, 9.52],
  [32, 2.19, 11.23],
  [64, 4.76, 22.67],
];

/** The table's figure for an item of `bytes`, linear between its rows (an item under 1 KB costs what 1 KB does). */
export function publishedRu(bytes: number, column: 'read' | 'write'): number {
  const kb = Math.max(1, bytes / 1024);
  const at = column === 'read' ? 1 : 2;
  const upper = RU_TABLE.findIndex((row) => row[0] >= kb);
  if (upper <= 0) return RU_TABLE[upper < 0 ? RU_TABLE.length - 1 : 0]![at]!;
  const [low, high] = [RU_TABLE[upper - 1]!, RU_TABLE[upper]!];
  return low[at]! + ((high[at]! - low[at]!) * (kb - low[0])) / (high[0] - low[0]);
}

/** Index terms a write adds under the default policy: one per value at every path, array items included. */
export function indexTerms(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, item) => n + indexTerms(item), 0);
  if (value && typeof value === 'object') return Object.values(value).reduce((n: number, v) => n + indexTerms(v), 0);
  return 1;
}

const BILLED = ['read', 'query', 'batch', 'create', 'upsert', 'replace', 'delete'] as const;

export interface RequestFigures {
  /** Round trips by kind, per operation measured. */
  byKind: Record<string, number>;
  /** Queries that named no partition key, so ran on every physical partition. */
  fanOut: number;
  documents: number;
}

function figures(log: readonly CosmosRequest[], per = 1): RequestFigures {
  const byKind: Record<string, number> = {};
  for (const r of log) if (r.kind !== 'metadata') byKind[r.kind] = (byKind[r.kind] ?? 0) + 1 / per;
  return {
    byKind,
    fanOut: log.filter((r) => r.kind === 'query' && !r.partitionKey).length / per,
    documents: log.reduce((n, r) => n + r.documents, 0) / per,
  };
}

export interface CosmosActionFigures {
  actions: number;
  requests: RequestFigures;
  /** Card updates sent in the background per action: each reads the engagement before and after it is sent. */
  updatesPerAction: number;
  billedPerAction: number;
  engagementBytes: number;
  eventBytes: number;
  ru: { before: number; after: number };
  terms: { before: number; after: number };
}

/** The first layout's requests per task action, as measured before this layout (issue 18): GET, PUT, POST. */
const BEFORE = { reads: 1.14, replaces: 1.0, eventUpserts: 0.96 };

/** The built bot on Cosmos DB over real HTTP: what each task action asks of the database. */
export async function cosmosActionBench(bot: string, connector: FakeConnector): Promise<CosmosActionFigures> {
  const cosmos = await startLocalCosmos();
  const child = await startChild(bot, [], {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: 'bench',
  });
  const raw = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    await setUp(child, connector, 1);
    const act = taskAction(connector, () => 1);
    for (let i = 0; i < AUDIT_KEPT + 2; i++) await post(`${child.url}/api/messages`, act(0, i));
    await settled(connector);
    cosmos.requests.reset();
    const updatesBefore = connector.sent.filter((s) => s.method === 'PUT').length;
    const actions = 100;
    for (let i = 0; i < actions; i++) await post(`${child.url}/api/messages`, act(0, i));
    await settled(connector);
    const requests = figures(cosmos.requests.log, actions);
    const updatesPerAction = (connector.sent.filter((s) => s.method === 'PUT').length - updatesBefore) / actions;
    const data = raw.database('bench').container('engagementData');
    const { resources } = await data.items.query<Record<string, unknown>>('SELECT * FROM c').fetchAll();
    const engagement = resources.find((r) => r.kind === 'engagement')!;
    const event = resources.find((r) => r.kind === 'event')!;
    const [engagementBytes, eventBytes] = [engagement, event].map((d) => Buffer.byteLength(JSON.stringify(d)));
    const read = publishedRu(engagementBytes!, 'read');
    const write = publishedRu(engagementBytes!, 'write');
    const eventWrite = publishedRu(eventBytes!, 'write');
    const moved = requests.byKind.batch ?? 0;
    return {
      actions,
      requests,
      updatesPerAction,
      billedPerAction: BILLED.reduce((n, kind) => n + (requests.byKind[kind] ?? 0), 0),
      engagementBytes: engagementBytes!,
      eventBytes: eventBytes!,
      ru: {
        before: BEFORE.reads * read + BEFORE.replaces * write + BEFORE.eventUpserts * eventWrite,
        after: (requests.byKind.read ?? 0) * read + moved * (write + eventWrite),
      },
      terms: {
        before: BEFORE.replaces * indexTerms(engagement) + BEFORE.eventUpserts * indexTerms(event),
        after: moved * (['kind'].length + ['kind', 'seq', 'taskId'].length),
      },
    };
  } finally {
    raw.dispose();
    await child.stop();
    await cosmos.stop();
  }
}

/** The measured person's engagements: a FastTrack Manager of several customers, as a real one would be. */
const MINE = 5;

async function bulk(container: Container, docs: object[]): Promise<void> {
  const chunks: object[][] = [];
  for (let at = 0; at < docs.length; at += 100) chunks.push(docs.slice(at, at + 100));
  const writer = async () => {
    for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
      await container.items.bulk(
        chunk.map((doc): OperationInput => ({ operationType: 'Create', resourceBody: doc as never })),
      );
    }
  };
  await Promise.all(Array.from({ length: 4 }, writer));
}

/** `count` engagements, each with its own SME and that SME's reminder record (not due), written in bulk. */
async function seedOthers(cosmos: LocalCosmos, count: number): Promise<void> {
  const raw = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const database = raw.database('scale');
  try {
    for (let from = 0; from < count; from += 5_000) {
      const made = Array.from({ length: Math.min(5_000, count - from) }, (_, i) =>
        engagementWithItsOwnSme(from + i, 'http://127.0.0.1:9/'),
      );
      await bulk(
        database.container('engagementData'),
        made.map(({ engagement }) => engagementDocument(engagement)),
      );
      await bulk(
        database.container('members'),
        made.map(({ engagement, sme }) => memberDocument(engagement.id, personKey(sme))),
      );
      await bulk(
        database.container('people'),
        made.map(({ sme }) => ({
          id: personKey(sme),
          key: personKey(sme),
          person: sme,
          tenantId: TENANT,
          serviceUrl: 'http://127.0.0.1:9/',
          botId: '28:bot',
          conversationId: `a:chat-${sme.id}`,
          nextDigestAt: '2026-12-01T09:00:00.000Z',
          snoozes: [],
        })),
      );
    }
  } finally {
    raw.dispose();
  }
}

async function seedMine(stores: Stores): Promise<void> {
  for (let i = 0; i < MINE; i++) {
    const { engagement } = engagementWithItsOwnSme(-1 - i, 'http://127.0.0.1:9/');
    const roles = [...engagement.roles, { role: 'FastTrack Manager', people: [people.manager] }];
    await stores.engagements.create({
      ...engagement,
      roles,
      memberKeys: [...engagement.memberKeys, personKey(people.manager)],
    });
  }
  await stores.reminders.createPerson({
    key: personKey(people.manager),
    person: people.manager,
    tenantId: TENANT,
    serviceUrl: 'http://127.0.0.1:9/',
    botId: '28:bot',
    conversationId: 'a:chat-manager',
    nextDigestAt: '2026-11-30T09:00:00.000Z',
    snoozes: [],
  });
}

export interface ScaleFigures {
  engagements: number;
  myTasks: RequestFigures;
  digest: RequestFigures & { sent: number };
}

/** `my tasks` and one digest, for a manager of 5 engagements, among `count` in the tenant. */
export async function cosmosScaleBench(count: number): Promise<ScaleFigures> {
  const cosmos = await startLocalCosmos();
  // The local server answers a query by reading every document of the container, not by an index.
  const stores = await connectCosmosStores({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    database: 'scale',
    requestTimeoutMs: 600_000,
  });
  try {
    const started = Date.now();
    await seedOthers(cosmos, count - MINE);
    await seedMine(stores);
    console.error(`cosmos scale ${count}: seeded in ${Date.now() - started} ms`);
    cosmos.requests.reset();
    const mine = await stores.engagements.listByMember(personKey(people.manager));
    if (mine.length !== MINE) throw new Error(`my tasks found ${mine.length} engagements, not ${MINE}`);
    const myTasks = figures(cosmos.requests.log);
    console.error(`cosmos scale ${count}: my tasks read at ${Date.now() - started} ms`);
    cosmos.requests.reset();
    let sent = 0;
    const notifier: Notifier = {
      sendDigest: async (person) => ((sent += 1), { conversationId: person.conversationId ?? '' }),
      announceUnreachable: async () => undefined,
      retireCards: async () => undefined,
    };
    await digestsAt(stores, notifier, MONDAY_10).sweep();
    return { engagements: count, myTasks, digest: { ...figures(cosmos.requests.log), sent } };
  } finally {
    await stores.close();
    await cosmos.stop();
  }
}
