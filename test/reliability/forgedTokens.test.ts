import { createHmac, generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { engagementIdFor } from '../../src/domain/engagement';
import { cardAction, CHANNEL, TENANT } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';
import { expectQuietConsole } from '../fixtures/quietConsole';
import { publishSigningKeys, type PublishedKeys } from '../fixtures/signingKeys';
import { report } from './figures';

const APP_ID = '00000000-0000-0000-0000-0000000000b0';
const ISSUER = 'https://api.botframework.com';

let keys: PublishedKeys;
let harness: BotHarness;

beforeAll(async () => {
  keys = await publishSigningKeys();
  harness = await startHarness(
    {
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'never-shown-secret',
      MicrosoftAppType: 'MultiTenant',
      CONNECTOR_TIMEOUT_MS: '1000',
    },
    { logs: true, openIdMetadataUrl: keys.metadataUrl },
  );
});
expectQuietConsole(['error', 'warn', 'log', 'info']);
afterAll(async () => {
  await harness.stop();
  await keys.stop();
});

/** A card action that needs no call to Teams: a token that passes gets its answer, 200. */
const refresh = { engagementId: engagementIdFor(TENANT, CHANNEL), card: 'summary' };
const activity = () => cardAction(harness.connector.serviceUrl, people.manager, 'card.refresh', refresh);

const now = () => Math.floor(Date.now() / 1000);
const claims = (serviceUrl: string, extra: object = {}) => ({
  iss: ISSUER,
  aud: APP_ID,
  serviceurl: serviceUrl,
  nbf: now() - 60,
  exp: now() + 3600,
  ...extra,
});
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

const anotherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;

function signed(payload: object, options: { kid?: string; key?: KeyObject } = {}): string {
  return jwt.sign(payload, options.key ?? keys.privateKey, { algorithm: 'RS256', keyid: options.kid ?? keys.kid });
}

const forgeries: [string, (serviceUrl: string) => string][] = [
  ['a published kid with a signature from another key', (url) => signed(claims(url), { key: anotherKey })],
  ['alg none', (url) => `${b64({ alg: 'none', typ: 'JWT', kid: keys.kid })}.${b64(claims(url))}.`],
  [
    'HS256 with the public key as the secret',
    (url) => {
      const secret = keys.publicKey.export({ format: 'pem', type: 'spki' });
      const unsigned = `${b64({ alg: 'HS256', typ: 'JWT', kid: keys.kid })}.${b64(claims(url))}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    },
  ],
  ['a not-yet-valid nbf', (url) => signed(claims(url, { nbf: now() + 3600, exp: now() + 7200 }))],
  [
    'a payload altered after signing',
    (url) => {
      const [head, , signature] = signed(claims(url)).split('.');
      return `${head}.${b64(claims(url, { admin: true }))}.${signature}`;
    },
  ],
  ['an expired token', (url) => signed(claims(url, { nbf: now() - 7200, exp: now() - 3600 }))],
  ['a token for another app', (url) => signed(claims(url, { aud: '00000000-0000-0000-0000-00000000ffff' }))],
  ['a token for another service URL', (url) => signed(claims(url, { serviceurl: 'https://evil.example/' }))],
  ['an unknown kid', (url) => signed(claims(url), { kid: 'nobody-published-this' })],
  ['another issuer', (url) => signed(claims(url, { iss: 'https://evil.example' }))],
  ['not a JWT at all', () => 'not.a.token'],
];

describe('tokens checked against locally published signing keys', () => {
  it('a token signed by the published key is accepted', async () => {
    const answer = await harness.post(activity(), {
      authorization: `Bearer ${signed(claims(harness.connector.serviceUrl))}`,
    });
    expect(answer.status).toBe(200);
  });

  it.each(forgeries)('%s gets 401 at once, is not taken for an outage, and prints nothing', async (what, forge) => {
    const refusedBefore = harness.bot.metrics.count('auth.refused', { status: '401' });
    const started = Date.now();
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        harness.post(activity(), { authorization: `Bearer ${forge(harness.connector.serviceUrl)}` }),
      ),
    );
    const took = Date.now() - started;
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(401));
    expect(answers[0]!.body).toEqual({ error: 'The request could not be authenticated.' });
    expect(harness.bot.metrics.count('auth.refused', { status: '401' }) - refusedBefore).toBe(20);
    expect(harness.bot.metrics.count('auth.refused', { status: '503' })).toBe(0);
    report(`forged token: ${what}`, { requests: 20, 'answered 401 in (ms)': took });
  });

  it('a hundred forgeries make at most one log line, with no key material', async () => {
    const before = harness.logs.length;
    const url = harness.connector.serviceUrl;
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        harness.post(activity(), { authorization: `Bearer ${forgeries[i % forgeries.length]![1](url)}` }),
      ),
    );
    const lines = harness.logs.slice(before);
    expect(lines.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(lines)).not.toMatch(/BEGIN|PUBLIC KEY|at .*\.js/);
    report('100 forged tokens', { 'log lines': lines.length });
  });

  it('503 only when the signing keys cannot be fetched', async () => {
    const fresh = await publishSigningKeys();
    const other = await startHarness(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'never-shown-secret',
        MicrosoftAppType: 'MultiTenant',
        CONNECTOR_TIMEOUT_MS: '1000',
      },
      { openIdMetadataUrl: fresh.metadataUrl },
    );
    try {
      fresh.down = true;
      const token = jwt.sign(claims(other.connector.serviceUrl), fresh.privateKey, {
        algorithm: 'RS256',
        keyid: fresh.kid,
      });
      const action = cardAction(other.connector.serviceUrl, people.manager, 'card.refresh', refresh);
      expect((await other.post(action, { authorization: `Bearer ${token}` })).status).toBe(503);
      fresh.down = false;
      expect((await other.post(action, { authorization: `Bearer ${token}` })).status).toBe(200);
    } finally {
      await other.stop();
      await fresh.stop();
    }
  });
});
