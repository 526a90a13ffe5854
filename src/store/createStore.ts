import type { EngagementStore } from '../app/ports';
import type { StorageConfig } from '../config';
import { SqliteEngagementStore } from './sqliteStore';

/**
 * SQLite under DATA_DIR by default; Cosmos DB when COSMOS_ENDPOINT is set, with its key or else a managed
 * identity (the bot's own user-assigned identity when MicrosoftAppType is UserAssignedMSI). The Azure SDKs
 * are loaded only when Cosmos DB is used.
 */
export async function createStore(config: StorageConfig): Promise<EngagementStore> {
  if (config.kind === 'sqlite') return new SqliteEngagementStore(config.dataDir);
  const { CosmosEngagementStore } = await import('./cosmosStore');
  if (config.key) return CosmosEngagementStore.connect({ ...config, key: config.key });
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential({ managedIdentityClientId: config.managedIdentityClientId });
  return CosmosEngagementStore.connect({ endpoint: config.endpoint, database: config.database, credential });
}
