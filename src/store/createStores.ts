import type { Stores } from '../app/ports';
import type { StorageConfig } from '../config';
import type { MigrationReport } from './cosmosMigration';
import { openSqliteStores } from './sqliteStores';
import { withTimeouts } from './timeouts';

/**
 * SQLite under DATA_DIR by default; Cosmos DB when COSMOS_ENDPOINT is set, with its key or else a managed
 * identity (the bot's own user-assigned identity when MicrosoftAppType is UserAssignedMSI). The Azure SDKs
 * are loaded only when Cosmos DB is used. Every call answers within `timeoutMs`.
 */
export async function createStores(
  config: StorageConfig,
  timeoutMs: number,
  migrated?: (report: MigrationReport) => void,
): Promise<Stores> {
  if (config.kind === 'sqlite') return withTimeouts(openSqliteStores(config.dataDir), timeoutMs);
  const { connectCosmosStores } = await import('./cosmosStores');
  const common = { endpoint: config.endpoint, database: config.database, requestTimeoutMs: timeoutMs, migrated };
  if (config.key) return withTimeouts(await connectCosmosStores({ ...common, key: config.key }), timeoutMs);
  const { DefaultAzureCredential } = await import('@azure/identity');
  const credential = new DefaultAzureCredential({ managedIdentityClientId: config.managedIdentityClientId });
  return withTimeouts(await connectCosmosStores({ ...common, credential }), timeoutMs);
}
