import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { openSqliteStores } from '../../src/store/sqliteStores';
import type { PortfolioResponse } from '../../src/web/portfolioApiTypes';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';
import { PORTFOLIO_DAY, portfolioEngagements } from '../fixtures/portfolioSeed';
import { publishSigningKeys, type PublishedKeys } from '../fixtures/signingKeys';
import { tempDirs } from '../fixtures/tempDirs';

const APP_ID = '00000000-0000-0000-0000-0000000000c1';
const TENANT_ID = '00000000-0000-0000-0000-0000000000d2';
const ISSUER = `https://login.microsoftonline.com/${TENANT_ID}/v2.0`;

let keys: PublishedKeys;
let harness: BotHarness;
const engagements = portfolioEngagements();

beforeAll(async () => {
  keys = await publishSigningKeys([]);
  const dataDir = tempDir();
  const stores = openSqliteStores(dataDir);
  for (const engagement of engagements) await stores.engagements.create(engagement);
  await stores.close();
  harness = await startHarness(
    {
      DATA_DIR: dataDir,
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'never-shown-secret',
      MicrosoftAppTenantId: TENANT_ID,
    },
    { entraMetadataUrl: keys.metadataUrl, now: () => PORTFOLIO_DAY },
  );
});
afterAll(async () => {
  await harness?.stop();
  await keys.stop();
});
// Declared after the hook that stops the bot: hooks run in that order, so the bot's files go last.
const tempDir = tempDirs('portfolio-');

const seconds = () => Math.floor(Date.now() / 1000);
const claims = (oid: string, extra: object = {}) => ({
  iss: ISSUER,
  aud: `api://127.0.0.1:${harness.bot.port}/${APP_ID}`,
  tid: TENANT_ID,
  oid,
  name: 'Maria',
  nbf: seconds() - 60,
  exp: seconds() + 3600,
  ...extra,
});
const signed = (payload: object, key: KeyObject = keys.privateKey) =>
  jwt.sign(payload, key, { algorithm: 'RS256', keyid: keys.kid });

async function get(path: string, token?: string) {
  const response = await fetch(`${harness.bot.url}${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return { status: response.status, body: (await response.json()) as unknown };
}
const portfolio = async (token: string) => (await get('/api/portfolio', token)).body as PortfolioResponse;

describe('the portfolio API, signed in with Teams SSO', () => {
  it("gives a FastTrack Manager a row per engagement they hold a role in, those they manage first, nobody else's", async () => {
    const { rows, roles, viewer } = await portfolio(signed(claims(people.manager.aadObjectId!)));
    expect(rows.map((r) => [r.customerName, r.roles])).toEqual([
      ['Contoso', ['FastTrack Manager']],
      ['Adatum', ['FastTrack Manager']],
      ['Northwind Traders', ['FastTrack Manager']],
      ['Fabrikam', ['SME']],
    ]);
    expect(roles).toEqual(['FastTrack Manager', 'SME']);
    expect(viewer).toEqual({ name: 'Maria', development: false });
    expect(rows[0]!.channelLink).toBe(
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(engagements[0]!.channelId)}/Contoso?tenantId=tenant-contoso&groupId=00000000-0000-0000-0000-0000000000aa`,
    );
  });

  it('accepts the app id as audience too, and a v1.0 token of the same tenant', async () => {
    const v1 = claims(people.manager.aadObjectId!, { aud: APP_ID, iss: `https://sts.windows.net/${TENANT_ID}/` });
    expect((await portfolio(signed(v1))).rows).toHaveLength(4);
  });

  it('draws the done-per-week and target-date charts as SVG built from escaped text', async () => {
    const { charts } = await portfolio(signed(claims(people.manager.aadObjectId!)));
    expect(charts.weekly).toMatch(/^<svg [^>]*role="img"/);
    expect(charts.weekly).toContain('still open');
    expect(charts.targets).toContain('Device Security: 1 of 4 mandatory tasks done, due 27 Nov 2026 (overdue)');
  });

  it('shows a customer contact and a stranger no engagement at all', async () => {
    expect((await portfolio(signed(claims(people.customer.aadObjectId!)))).rows).toEqual([]);
    expect((await portfolio(signed(claims('aad-nobody')))).rows).toEqual([]);
  });

  it('answers an engagement the person holds no role in with the same 404 as one that does not exist', async () => {
    const stranger = signed(claims(people.stranger.aadObjectId!));
    const theirs = await get(`/api/portfolio/engagements/${engagements[0]!.id}`, stranger);
    const none = await get('/api/portfolio/engagements/eng-does-not-exist', stranger);
    expect([theirs.status, none.status]).toEqual([404, 404]);
    expect(theirs.body).toEqual(none.body);
    const own = await get(`/api/portfolio/engagements/${engagements[4]!.id}`, stranger);
    expect(own.status).toBe(200);
    expect((own.body as { customerName: string }).customerName).toBe('Litware');
  });

  const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const refused: [string, () => string | undefined][] = [
    ['no token', () => undefined],
    ['a token signed by another key', () => signed(claims(people.manager.aadObjectId!), otherKey)],
    ['an expired token', () => signed(claims(people.manager.aadObjectId!, { exp: seconds() - 3600 }))],
    ['a token for another app', () => signed(claims(people.manager.aadObjectId!, { aud: 'api://other/app' }))],
    [
      'a token from another tenant',
      () =>
        signed(
          claims(people.manager.aadObjectId!, { tid: 'other', iss: 'https://login.microsoftonline.com/other/v2.0' }),
        ),
    ],
    [
      'a token of this issuer naming another tenant',
      () => signed(claims(people.manager.aadObjectId!, { tid: 'other' })),
    ],
    ['a token naming no person', () => signed(claims(''))],
    ['not a token', () => 'not.a.token'],
  ];
  it("answers 503, not 401, while Entra ID's keys cannot be fetched, and signs in again once they can", async () => {
    const token = signed(claims(people.manager.aadObjectId!, { aud: APP_ID }));
    const fresh = await startHarness(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'never-shown-secret', MicrosoftAppTenantId: TENANT_ID },
      { entraMetadataUrl: keys.metadataUrl },
    );
    try {
      keys.down = true;
      const down = await fetch(`${fresh.bot.url}/api/portfolio`, { headers: { authorization: `Bearer ${token}` } });
      expect(down.status).toBe(503);
      keys.down = false;
      const up = await fetch(`${fresh.bot.url}/api/portfolio`, { headers: { authorization: `Bearer ${token}` } });
      expect(up.status).toBe(200);
    } finally {
      keys.down = false;
      await fresh.stop();
    }
  });

  it.each(refused)('refuses %s with 401 and no data', async (_name, token) => {
    const answer = await get('/api/portfolio', token());
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({ error: 'Sign in through Teams to see your portfolio.' });
  });
});
