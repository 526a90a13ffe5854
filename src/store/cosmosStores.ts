import { CosmosClient, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Stores } from '../app/ports';
import type { SendRecord } from '../domain/reminderRecords';
import type { Engagement } from '../domain/types';
import { COSMOS_CONTAINERS, type ContainerName } from './cosmosContainers';
import { CosmosDocuments } from './cosmosDocuments';
import { CosmosEngagementStore } from './cosmosEngagementStore';
import { CosmosReminderStore, type PersonDocument } from './cosmosReminderStore';
import { CosmosTrail } from './cosmosTrail';

export interface CosmosOptions {
  endpoint: string;
  database: string;
  key?: string;
  credential?: CosmosClientOptions['aadCredentials'];
  /** Each HTTP request to Cosmos DB is abandoned after this (the SDK's default is a minute). */
  requestTimeoutMs?: number;
}

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

/**
 * Azure Cosmos DB for NoSQL: one client for both stores. Engagements, people and what was sent each have
 * a container, every one partitioned by document id, so each read is a point read.
 */
export async function connectCosmosStores(options: CosmosOptions): Promise<Stores> {
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: options.requestTimeoutMs ?? 10_000 },
  });
  const { database } = await client.databases.createIfNotExists({ id: options.database });
  const engagements = await containerOf<Engagement>(database, 'engagements');
  return {
    kind: 'cosmos',
    engagements: new CosmosEngagementStore(engagements, await CosmosTrail.open(database)),
    reminders: new CosmosReminderStore(
      await containerOf<PersonDocument>(database, 'people'),
      await containerOf<SendRecord>(database, 'sends'),
    ),
    ping: async () => void (await engagements.container.read()),
    close: async () => client.dispose(),
  };
}
