import { SORRY } from '../../src/teams/http/adapter';
import { channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';
import { startTcpProxy, type TcpProxy } from '../fixtures/tcpProxy';
import { report } from './figures';

jest.setTimeout(30_000);

let cosmos: LocalCosmos;
let proxy: TcpProxy;
let harness: BotHarness;

beforeAll(async () => {
  cosmos = await startLocalCosmos();
  proxy = await startTcpProxy(cosmos.endpoint);
  harness = await startHarness({
    COSMOS_ENDPOINT: proxy.url,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: 'hangs',
    STORE_TIMEOUT_MS: '1000',
  });
  await setUpChannel(harness);
  proxy.mode = 'blackhole';
  harness.connector.clear();
});
afterAll(async () => {
  proxy.mode = 'pass';
  await harness.stop();
  await proxy.stop();
  await cosmos.stop();
});

describe('a Cosmos DB that accepts connections but never answers', () => {
  it('a person gets the apology within the store deadline, not after a minute', async () => {
    const started = Date.now();
    await harness.post(channelMessage(harness.connector.serviceUrl, people.manager, 'status'));
    const took = Date.now() - started;
    expect(harness.connector.sent.map((s) => s.body.text)).toEqual([SORRY]);
    expect(took).toBeLessThan(2500);
    report('store never answers', { 'apology after (ms)': took });
  });

  it('/readyz answers 503 within 2 s, and 200 again once the store answers', async () => {
    const started = Date.now();
    const response = await fetch(`${harness.bot.url}/readyz`);
    const took = Date.now() - started;
    expect(response.status).toBe(503);
    expect(took).toBeLessThan(2000);
    proxy.mode = 'pass';
    let status = 0;
    for (let i = 0; i < 20 && status !== 200; i++) {
      status = (await fetch(`${harness.bot.url}/readyz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(status).toBe(200);
    report('store never answers', { '/readyz 503 after (ms)': took });
  });
});
