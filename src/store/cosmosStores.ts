import { CosmosClient, type Container, type CosmosClientOptions, type Database } from '@azure/cosmos';
import type { Stores } from '../app/ports';
import type { SendRecord } from '../domain/reminderRecords';
import { COSMOS_CONTAINERS, indexingPolicyOf, type ContainerName } from './cosmosContainers';
import { CosmosDocuments } from './cosmosDocuments';
import { CosmosEngagementData } from './cosmosEngagementData';
import { CosmosEngagementStore } from './cosmosEngagementStore';
import { CosmosMembers } from './cosmosMembers';
import { migrateLegacyLayout, type MigrationReport } from './cosmosMigration';
import { CosmosPlaybookVersions } from './cosmosPlaybookVersions';
import { CosmosReminderStore, type PersonDocument } from './cosmosReminderStore';

export interface CosmosOptions {
  endpoint: string;
  database: string;
  key?: string;
  credential?: CosmosClientOptions['aadCredentials'];
  /** Each HTTP request to Cosmos DB is abandoned after this (the SDK's default is a minute). */
  requestTimeoutMs?: number;
  /** Told what was copied from the first layout, on the one start that copies it. */
  migrated?: (report: MigrationReport) => void;
}

/** Opens a container; where the bot may create it (a local server, a key with that right), as declared. */
async function containerOf(database: Database, id: ContainerName): Promise<Container> {
  const spec = COSMOS_CONTAINERS[id];
  const { container } = await database.containers.createIfNotExists({
    id,
    partitionKey: { paths: [spec.partitionKey] },
    indexingPolicy: indexingPolicyOf(spec),
  });
  return container;
}

/**
 * Azure Cosmos DB for NoSQL: one client for both stores. Each engagement is a partition of its own with its
 * trail; who holds a role where is partitioned by person; people and what was sent by their id.
 */
export async function connectCosmosStores(options: CosmosOptions): Promise<Stores> {
  const client = new CosmosClient({
    endpoint: options.endpoint,
    ...(options.key ? { key: options.key } : { aadCredentials: options.credential }),
    connectionPolicy: { enableEndpointDiscovery: false, requestTimeout: options.requestTimeoutMs ?? 10_000 },
  });
  const { database } = await client.databases.createIfNotExists({ id: options.database });
  const data = new CosmosEngagementData(await containerOf(database, 'engagementData'));
  const members = new CosmosMembers(await containerOf(database, 'members'));
  const report = await migrateLegacyLayout(database, data, members);
  if (report) options.migrated?.(report);
  return {
    kind: 'cosmos',
    engagements: new CosmosEngagementStore(data, members),
    reminders: new CosmosReminderStore(
      new CosmosDocuments<PersonDocument>(await containerOf(database, 'people')),
      new CosmosDocuments<SendRecord>(await containerOf(database, 'sends')),
    ),
    playbooks: new CosmosPlaybookVersions(await containerOf(database, 'playbookVersions')),
    ping: async () => void (await data.container.read()),
    close: async () => client.dispose(),
  };
}
