import { CosmosClient, type Container, type CosmosClientOptions, type ItemDefinition } from '@azure/cosmos';
import { AlreadyExistsError, ConflictError, NotFoundError, type EngagementStore, type Versioned } from '../app/ports';
import type { Engagement } from '../domain/types';

export interface CosmosOptions {
  endpoint: string;
  database: string;
  key?: string;
  credential?: CosmosClientOptions['aadCredentials'];
  /** Each HTTP request to Cosmos DB is abandoned after this (the SDK's default is a minute). */
  requestTimeoutMs?: number;
}

const SYSTEM_PROPERTIES = ['_rid', '_self', '_etag', '_attachments', '_ts'] as const;

function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

function withoutSystemProperties(resource: ItemDefinition): Engagement {
  const copy: Record<string, unknown> = { ...resource };
  for (const name of SYSTEM_PROPERTIES) delete copy[name];
  return copy as unknown as Engagement;
}

/** Azure Cosmos DB for NoSQL: one container, partitioned by engagement id. */
export class CosmosEngagementStore implements EngagementStore {
  readonly kind = 'cosmos';

  private constructor(
    private readonly client: CosmosClient,
    private readonly container: Container,
  ) {}

  static async connect(options: CosmosOptions): Promise<CosmosEngagementStore> {
    const client = new CosmosClient({
      endpoint: options.endpoint,
      ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
      connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: options.requestTimeoutMs ?? 10_000 },
    });
    const { database } = await client.databases.createIfNotExists({ id: options.database });
    const { container } = await database.containers.createIfNotExists({
      id: 'engagements',
      partitionKey: { paths: ['/id'] },
    });
    return new CosmosEngagementStore(client, container);
  }

  async get(id: string): Promise<Versioned<Engagement> | undefined> {
    const response = await this.container.item(id, id).read<ItemDefinition>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return { value: withoutSystemProperties(response.resource), etag: response.etag };
  }

  async create(engagement: Engagement): Promise<Versioned<Engagement>> {
    try {
      const response = await this.container.items.create(engagement);
      return { value: engagement, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 409) throw new AlreadyExistsError(engagement.id);
      throw error;
    }
  }

  async replace(engagement: Engagement, etag: string): Promise<Versioned<Engagement>> {
    try {
      const response = await this.container
        .item(engagement.id, engagement.id)
        .replace(engagement, { accessCondition: { type: 'IfMatch', condition: etag } });
      return { value: engagement, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 412) throw new ConflictError(engagement.id);
      if (statusOf(error) === 404) throw new NotFoundError(engagement.id);
      throw error;
    }
  }

  async listByMember(key: string): Promise<Engagement[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.memberKeys, @key) ORDER BY c.id',
        parameters: [{ name: '@key', value: key }],
      })
      .fetchAll();
    return resources.map(withoutSystemProperties);
  }

  async ping(): Promise<void> {
    await this.container.read();
  }

  async close(): Promise<void> {
    this.client.dispose();
  }
}
