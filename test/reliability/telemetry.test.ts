import { mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cardAction, rosterOf } from '../fixtures/activities';
import { postActivity, startBotProcess, type BotProcess } from '../fixtures/botProcess';
import { people, seedPlaybook } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { setupInputs } from '../fixtures/setupChannel';

jest.setTimeout(60_000);

interface Envelope {
  name: string;
  data?: { baseType?: string; baseData?: Record<string, unknown> };
}

let ingestion: Server;
const envelopes: Envelope[] = [];
let connector: FakeConnector;
let bot: BotProcess;
let dataDir: string;

/** A self-signed certificate for 127.0.0.1: the exporter only speaks HTTPS. */
function selfSigned(dir: string): { key: string; cert: string; certFile: string } {
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  const made = spawnSync('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  if (made.status !== 0) throw new Error(`openssl failed: ${made.stderr.toString()}`);
  return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'telemetry-'));
  const tls = selfSigned(dataDir);
  ingestion = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const text = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw).toString() : raw.toString();
      envelopes.push(...(JSON.parse(text) as Envelope[]));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
  const { port } = ingestion.address() as AddressInfo;
  connector = await startFakeConnector();
  connector.members = rosterOf(Object.values(people));
  bot = await startBotProcess({
    NODE_EXTRA_CA_CERTS: tls.certFile,
    DATA_DIR: dataDir,
    APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-0000-0000-0000000000cc;IngestionEndpoint=https://127.0.0.1:${port}/`,
    OTEL_METRIC_EXPORT_INTERVAL: '1000',
  });
});
afterAll(async () => {
  await bot.kill();
  await connector.stop();
  ingestion.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('telemetry to Application Insights', () => {
  it('sends requests, calls to Teams and the card update counters, with no personal data', async () => {
    await postActivity(
      bot.url,
      cardAction(connector.serviceUrl, people.manager, 'setup.submit', setupInputs(seedPlaybook)),
    );
    const engagementId = /"engagementId":"(eng-[0-9a-f]+)"/.exec(JSON.stringify(connector.sent))?.[1] ?? '';
    const click = cardAction(connector.serviceUrl, people.manager, 'task.complete', { engagementId, taskId: '2533' });
    expect((await postActivity(bot.url, click)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    bot.child.kill('SIGTERM');
    const exit = await bot.exited;
    expect({ exit: exit.code, lines: bot.lines.filter((l) => (l.level as number) >= 50) }).toEqual({
      exit: 0,
      lines: [],
    });

    const ofType = (type: string) => envelopes.filter((e) => e.data?.baseType === type);
    const requests = ofType('RequestData').map((e) => String(e.data?.baseData?.url ?? e.data?.baseData?.name));
    expect(requests.some((url) => url.includes('/api/messages'))).toBe(true);
    const calls = ofType('RemoteDependencyData').map((e) => String(e.data?.baseData?.data ?? ''));
    expect(calls.some((url) => url.includes('/v3/conversations/'))).toBe(true);
    const metrics = ofType('MetricData').flatMap(
      (e) => (e.data?.baseData?.metrics as { name: string; value: number }[] | undefined) ?? [],
    );
    expect(metrics.find((m) => m.name === 'cardUpdates.sent')?.value).toBeGreaterThanOrEqual(1);
    const everything = JSON.stringify(envelopes);
    for (const { name } of Object.values(people)) expect(everything).not.toMatch(new RegExp(`\\b${name}\\b`));
  });
});
