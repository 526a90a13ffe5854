import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../src/config';
import { personKey } from '../../src/domain/people';
import { createLogger } from '../../src/logger';
import { startBot } from '../../src/main';
import { portfolioOf } from '../../src/app/portfolio';
import { loadCatalog } from '../../src/playbook/catalog';
import { createStores } from '../../src/store/createStores';
import { counting } from './reminders';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { anEngagement, people, person } from '../fixtures/engagement';
import { PORTFOLIO_DAY } from '../fixtures/portfolioSeed';

const ENGAGEMENTS = 200;
const ROUNDS = 30;

export interface PortfolioFigures {
  store: 'sqlite' | 'cosmos';
  engagements: number;
  /** Median milliseconds per GET /api/portfolio, and per reading the same engagements alone (listByMember). */
  apiMs: number;
  readMs: number;
  /** Documents the store hands back per call, for each (the same use case the API runs, in process). */
  apiDocuments: number;
  readDocuments: number;
  /** Requests to Cosmos DB per call, for each (none on SQLite). */
  apiRequests: number;
  readRequests: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** 200 engagements the manager runs, each with its own SME and three workshops with target dates. */
function managersEngagements() {
  return Array.from({ length: ENGAGEMENTS }, (_, i) =>
    anEngagement({
      customerName: `Customer ${i}`,
      channelId: `19:portfolio-bench-${i}@thread.tacv2`,
      roles: [
        { role: 'SME', people: [person(`Sme${i}`)] },
        { role: 'FastTrack Manager', people: [people.manager] },
      ],
      workshops: [
        { name: 'Identity Security', targetDate: '2026-11-27' },
        { name: 'Device Security', targetDate: '2026-12-11' },
        { name: 'Information Security', targetDate: '2027-01-15' },
      ],
    }),
  );
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/** GET /api/portfolio for a manager of 200 engagements, against the store reading those 200 alone. */
export async function portfolioBench(kind: 'sqlite' | 'cosmos'): Promise<PortfolioFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-portfolio-'));
  let cosmos: LocalCosmos | undefined;
  const env: Record<string, string> = { PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' };
  if (kind === 'cosmos') {
    cosmos = await startLocalCosmos();
    Object.assign(env, { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'portfolio' });
  }
  const config = readConfig({ ...env, PLAYBOOKS_DIR: join(__dirname, '../../playbooks') });
  const stores = await createStores(config.storage, 60_000);
  const bot = await startBot(config, { logger: createLogger('silent'), now: () => PORTFOLIO_DAY });
  try {
    for (const engagement of managersEngagements()) await stores.engagements.create(engagement);
    const api = () => fetch(`${bot.url}/api/portfolio?user=${people.manager.aadObjectId}`).then((r) => r.json());
    const read = () => stores.engagements.listByMember(personKey(people.manager));
    const rows = ((await api()) as { rows: unknown[] }).rows.length;
    if (rows !== ENGAGEMENTS) throw new Error(`the portfolio listed ${rows} engagements, not ${ENGAGEMENTS}`);
    await read();
    const apiTimes: number[] = [];
    const readTimes: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      apiTimes.push(await timed(api));
      readTimes.push(await timed(read));
    }
    const counted = counting(stores);
    const deps = {
      store: counted.stores.engagements,
      catalog: loadCatalog(config.playbooksDir),
      now: () => PORTFOLIO_DAY,
    };
    const requestsOf = async (run: () => Promise<unknown>) => {
      cosmos?.requests.reset();
      const before = counted.read();
      await run();
      const requests = cosmos?.requests.log.filter((r) => r.kind !== 'metadata').length ?? 0;
      return { documents: counted.read() - before, requests };
    };
    const whole = await requestsOf(() => portfolioOf(deps, people.manager));
    const alone = await requestsOf(() => counted.stores.engagements.listByMember(personKey(people.manager)));
    return {
      store: kind,
      engagements: ENGAGEMENTS,
      apiMs: median(apiTimes),
      readMs: median(readTimes),
      apiDocuments: whole.documents,
      readDocuments: alone.documents,
      apiRequests: whole.requests,
      readRequests: alone.requests,
    };
  } finally {
    await bot.close();
    await stores.close();
    await cosmos?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
