import { CosmosClient, type CosmosClientOptions, type Database, type ItemDefinition } from '@azure/cosmos';
import type { EngagementStore, TrailQuery } from '../app/ports';
import type { Versioned } from '../app/versionedWrites';
import type { PersonRecord, ReminderStore, SendRecord } from '../app/reminderPorts';
import type { AuditEvent, Engagement } from '../domain/types';
import { COSMOS_CONTAINERS, type ContainerName } from './cosmosContainers';
import { CosmosDocuments, withoutSystemProperties } from './cosmosDocuments';
import { CosmosTrail } from './cosmosTrail';

export interface CosmosOptions {
  endpoint: string;
  database: string;
  key?: string;
  credential?: CosmosClientOptions['aadCredentials'];
  /** Each HTTP request to Cosmos DB is abandoned after this (the SDK's default is a minute). */
  requestTimeoutMs?: number;
}

type PersonDocument = PersonRecord & { id: string };

async function containerOf<T extends { id: string }>(
  database: Database,
  id: Exclude<ContainerName, 'audit'>,
): Promise<CosmosDocuments<T>> {
  const { container } = await database.containers.createIfNotExists({
    id,
    partitionKey: { paths: [COSMOS_CONTAINERS[id]] },
  });
  return new CosmosDocuments<T>(container);
}

const toPerson = ({ value, etag }: Versioned<PersonDocument>): Versioned<PersonRecord> => {
  const { id: _id, ...record } = value;
  return { value: record, etag };
};

/**
 * Azure Cosmos DB for NoSQL. Engagements, people and what was sent each have a container, every one
 * partitioned by document id, so each read is a point read; the due-digest query uses the default index.
 */
export class CosmosStore implements EngagementStore, ReminderStore {
  readonly kind = 'cosmos';

  private constructor(
    private readonly client: CosmosClient,
    private readonly engagements: CosmosDocuments<Engagement>,
    private readonly people: CosmosDocuments<PersonDocument>,
    private readonly sends: CosmosDocuments<SendRecord>,
    private readonly audit: CosmosTrail,
  ) {}

  static async connect(options: CosmosOptions): Promise<CosmosStore> {
    const client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
      connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: options.requestTimeoutMs ?? 10_000 },
    });
    const { database } = await client.databases.createIfNotExists({ id: options.database });
    return new CosmosStore(
      client,
      await containerOf<Engagement>(database, 'engagements'),
      await containerOf<PersonDocument>(database, 'people'),
      await containerOf<SendRecord>(database, 'sends'),
      await CosmosTrail.open(database),
    );
  }

  get(id: string): Promise<Versioned<Engagement> | undefined> {
    return this.engagements.get(id);
  }

  create(engagement: Engagement): Promise<Versioned<Engagement>> {
    return this.engagements.create(engagement);
  }

  /** The moved events are written first: if the replace then fails, readers still see each event once. */
  async replace(engagement: Engagement, etag: string, moved: AuditEvent[] = []): Promise<Versioned<Engagement>> {
    await this.audit.keep(engagement.id, moved);
    return this.engagements.replace(engagement, etag);
  }

  trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    return this.audit.read(engagementId, query);
  }

  /** The trail goes first: a crash part-way leaves the engagement in place, and deleting again finishes. */
  async delete(engagementId: string): Promise<void> {
    await this.audit.deleteAll(engagementId);
    await this.engagements.delete(engagementId);
  }

  async listByMember(key: string): Promise<Engagement[]> {
    const { resources } = await this.engagements.container.items
      .query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.memberKeys, @key) ORDER BY c.id',
        parameters: [{ name: '@key', value: key }],
      })
      .fetchAll();
    return resources.map((r) => withoutSystemProperties<Engagement>(r));
  }

  async getPerson(key: string): Promise<Versioned<PersonRecord> | undefined> {
    const found = await this.people.get(key);
    return found && toPerson(found);
  }

  async createPerson(record: PersonRecord): Promise<Versioned<PersonRecord>> {
    return toPerson(await this.people.create({ ...record, id: record.key }));
  }

  async replacePerson(record: PersonRecord, etag: string): Promise<Versioned<PersonRecord>> {
    return toPerson(await this.people.replace({ ...record, id: record.key }, etag));
  }

  async duePeople(now: string, limit: number): Promise<Versioned<PersonRecord>[]> {
    const top = Math.max(1, Math.floor(limit));
    const due = await this.people.query(
      `SELECT TOP ${top} * FROM c WHERE c.nextDigestAt <= @now ORDER BY c.nextDigestAt`,
      [{ name: '@now', value: now }],
    );
    return due.map(toPerson);
  }

  getSends(id: string): Promise<Versioned<SendRecord> | undefined> {
    return this.sends.get(id);
  }

  createSends(record: SendRecord): Promise<Versioned<SendRecord>> {
    return this.sends.create(record);
  }

  replaceSends(record: SendRecord, etag: string): Promise<Versioned<SendRecord>> {
    return this.sends.replace(record, etag);
  }

  async ping(): Promise<void> {
    await this.engagements.container.read();
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}
