import { SORRY } from '../../src/teams/http/adapter';
import { channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { people } from '../fixtures/engagement';

let harness: BotHarness;
let cosmos: LocalCosmos;

beforeAll(async () => {
  cosmos = await startLocalCosmos();
  harness = await startHarness({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'down' });
  await cosmos.stop();
});
afterAll(async () => {
  await harness.stop();
});

describe('when Cosmos DB cannot be reached', () => {
  it('a person gets a short apology, never the error text', async () => {
    await harness.post(channelMessage(harness.connector.serviceUrl, people.manager, 'status'));
    const said = harness.connector.sent.map((s) => s.body.text);
    expect(said).toEqual([SORRY]);
  });

  it('the readiness probe says unavailable', async () => {
    const response = await fetch(`${harness.bot.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', store: 'cosmos' });
  });
});
