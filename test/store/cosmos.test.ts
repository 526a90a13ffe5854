import { connectCosmosStores } from '../../src/store/cosmosStores';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { engagementStoreContract } from './contract';
import { reminderStoreContract } from './reminderContract';
import { trailStoreContract } from './trailContract';

let local: LocalCosmos | undefined;
afterAll(async () => {
  await local?.stop();
});

engagementStoreContract('Cosmos DB (@vercel/cosmosdb-server)', async () => {
  local = await startLocalCosmos();
  return connectCosmosStores({ endpoint: local.endpoint, key: local.key, database: 'contract' });
});

reminderStoreContract('Cosmos DB (@vercel/cosmosdb-server)', async () => {
  local ??= await startLocalCosmos();
  return connectCosmosStores({ endpoint: local.endpoint, key: local.key, database: 'reminders' });
});

trailStoreContract(
  'Cosmos DB (@vercel/cosmosdb-server)',
  async () => {
    local ??= await startLocalCosmos();
    return connectCosmosStores({ endpoint: local.endpoint, key: local.key, database: 'trail' });
  },
  10_000,
);

const account = process.env.COSMOS_ENDPOINT;
if (account) {
  engagementStoreContract('Cosmos DB (real account at COSMOS_ENDPOINT)', () =>
    connectCosmosStores({
      endpoint: account,
      key: process.env.COSMOS_KEY,
      database: process.env.COSMOS_DATABASE ?? 'security-workshops-test',
    }),
  );
}
