import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';
import { expectQuietConsole } from '../fixtures/quietConsole';
import { report } from './figures';

jest.setTimeout(30_000);

const APP_ID = '00000000-0000-0000-0000-0000000000b0';
const credentials = {
  MicrosoftAppId: APP_ID,
  MicrosoftAppPassword: 'never-shown-secret',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
};

/** A bearer token shaped like the Bot Framework's, signed by nobody: checking it needs the signing keys. */
function unsignedToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://api.botframework.com', aud: APP_ID, nbf: now - 60, exp: now + 3600 };
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'unknown-key' })}.${part(claims)}.${part({ sig: 'none' })}`;
}

/** Nothing a caller receives may carry internal detail: stack frames, URLs, exception names or secrets. */
function expectNoInternalText(body: unknown): void {
  const text = JSON.stringify(body ?? '');
  for (const leak of ['http://', 'https://', ' at ', 'Error', 'ECONN', 'never-shown-secret', 'stack']) {
    expect(text).not.toContain(leak);
  }
}

let metadata: Server;
let metadataHangs = false;
let harness: BotHarness;

beforeAll(async () => {
  metadata = createServer((_req, res) => {
    if (metadataHangs) return;
    res.statusCode = 500;
    res.end('metadata service is down');
  });
  await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve));
  const { port } = metadata.address() as AddressInfo;
  harness = await startHarness(
    { ...credentials, CONNECTOR_TIMEOUT_MS: '1000' },
    {
      logs: true,
      openIdMetadataUrl: `http://127.0.0.1:${port}/.well-known/openidconfiguration`,
    },
  );
});
expectQuietConsole();
afterAll(async () => {
  await harness.stop();
  metadata.closeAllConnections();
  metadata.close();
});

const activity = () => channelMessage(harness.connector.serviceUrl, people.manager, 'status');

describe('requests that cannot be authenticated', () => {
  it('200 requests without a token get 401 each, are counted, and make one log line, not 200 stack traces', async () => {
    const before = harness.logs.length;
    const answers = await Promise.all(Array.from({ length: 200 }, () => harness.post(activity())));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]));
    answers.forEach((a) => expectNoInternalText(a.body));
    const lines = harness.logs.slice(before);
    expect(lines).toEqual([expect.objectContaining({ event: 'auth.refused', status: 401 })]);
    expect(harness.bot.metrics.count('auth.refused')).toBeGreaterThanOrEqual(200);
    expect(harness.connector.sent).toEqual([]);
    report('200 unauthenticated requests', { 'log lines': lines.length, 'answered 401': answers.length });
  });

  it('a token that cannot be checked because the signing keys cannot be fetched gets 503, with no detail', async () => {
    const answer = await harness.post(activity(), { authorization: `Bearer ${unsignedToken()}` });
    expect(answer).toEqual({
      status: 503,
      body: { error: 'Authentication is unavailable right now. Please try again.' },
    });
  });

  it('when the signing keys do not answer at all, the request gets 503 once the deadline passes', async () => {
    metadataHangs = true;
    const started = Date.now();
    const answer = await harness.post(activity(), { authorization: `Bearer ${unsignedToken()}` });
    const took = Date.now() - started;
    expect(answer.status).toBe(503);
    expect(took).toBeLessThan(3000);
    report('signing keys never answer', { 'answered 503 after (ms)': took });
  });
});

describe('malformed activities get 400 before anything else', () => {
  const cases: [string, () => object][] = [
    ['no type', () => ({ ...activity(), type: undefined })],
    ['no conversation', () => ({ ...activity(), conversation: undefined })],
    ['no sender', () => ({ ...activity(), from: undefined })],
    ['no serviceUrl', () => ({ ...activity(), serviceUrl: undefined })],
    ['a serviceUrl that is not a URL', () => ({ ...activity(), serviceUrl: 'not a url' })],
    ['an array', () => [activity()]],
  ];
  for (const [what, body] of cases) {
    it(`an activity with ${what}`, async () => {
      const started = Date.now();
      const answer = await harness.post(body());
      expect(answer.status).toBe(400);
      expect(Date.now() - started).toBeLessThan(1000);
      expectNoInternalText(answer.body);
    });
  }

  it('a form body and broken JSON', async () => {
    const bodies: [string, string][] = [
      ['application/x-www-form-urlencoded', 'type=message&text=hi'],
      ['application/json', '{"type": "message",'],
    ];
    for (const [type, body] of bodies) {
      const response = await fetch(`${harness.bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: 'The body must be a JSON activity.' });
    }
  });
});
