import { DefaultAzureCredential } from '@azure/identity';
import type { EngagementStore } from '../app/ports';
import type { StorageConfig } from '../config';
import { CosmosEngagementStore } from './cosmosStore';
import { SqliteEngagementStore } from './sqliteStore';

/**
 * SQLite under DATA_DIR by default; Cosmos DB when COSMOS_ENDPOINT is set, with its key or else a managed
 * identity (the bot's own user-assigned identity when MicrosoftAppType is UserAssignedMSI).
 */
export async function createStore(config: StorageConfig): Promise<EngagementStore> {
  if (config.kind === 'sqlite') return new SqliteEngagementStore(config.dataDir);
  return CosmosEngagementStore.connect({
    endpoint: config.endpoint,
    database: config.database,
    ...(config.key
      ? { key: config.key }
      : { credential: new DefaultAzureCredential({ managedIdentityClientId: config.managedIdentityClientId }) }),
  });
}
