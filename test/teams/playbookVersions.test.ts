import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { engagementIdFor } from '../../src/domain/engagement';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { connectCosmosStores } from '../../src/store/cosmosStores';
import type { Stores } from '../../src/app/ports';
import { cardAction, channelMessage, CHANNEL, rosterOf, TENANT } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts, type Card } from '../fixtures/cardText';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { people, seedPlaybook } from '../fixtures/engagement';
import { playbookMarkdown } from '../fixtures/playbookMarkdown';
import {
  OLD_IDENTITY_NAME,
  olderSeed,
  playbookOf20190726,
  playbooksDirWith,
  SEED_MARKDOWN,
} from '../fixtures/olderPlaybook';
import { setupInputs } from '../fixtures/setupChannel';
import { tempDirs } from '../fixtures/tempDirs';

const engagementId = engagementIdFor(TENANT, CHANNEL);
type Person = (typeof people)[keyof typeof people];

interface StoreUnderTest {
  start(): Promise<void>;
  env(): Record<string, string>;
  open(): Promise<Stores>;
  stop(): Promise<void>;
}

// At the top level, so the directories are removed after each describe's own hooks have stopped its bots.
const tempDir = tempDirs('versions-');

function sqliteStore(): StoreUnderTest {
  const dataDir = tempDir();
  return {
    start: async () => undefined,
    env: () => ({ DATA_DIR: dataDir }),
    open: async () => openSqliteStores(dataDir),
    stop: async () => undefined,
  };
}

function cosmosStore(): StoreUnderTest {
  let local: LocalCosmos | undefined;
  return {
    async start() {
      local = await startLocalCosmos();
    },
    env: () => ({ COSMOS_ENDPOINT: local!.endpoint, COSMOS_KEY: local!.key, COSMOS_DATABASE: 'versions' }),
    open: () => connectCosmosStores({ endpoint: local!.endpoint, key: local!.key, database: 'versions' }),
    stop: async () => local?.stop(),
  };
}

describe.each([
  ['SQLite', sqliteStore],
  ['Cosmos DB (@vercel/cosmosdb-server)', cosmosStore],
])('running engagements follow a newer playbook, on %s', (_name, makeStore) => {
  const store = makeStore();
  const playbooks = playbooksDirWith(tempDir(), playbookOf20190726());
  /** The first instance's connector stays up: the engagement's cards and offers go to its address. */
  let first: BotHarness;
  let instances: BotHarness[] = [];

  const start = async () => {
    const harness = await startHarness({ ...store.env(), PLAYBOOKS_DIR: playbooks });
    instances.push(harness);
    return harness;
  };
  const act = (on: BotHarness, who: Person, verb: string, data: Record<string, unknown> = {}) =>
    on.post(cardAction(first.connector.serviceUrl, who, verb, { engagementId, ...data }));
  const posted = (kind: string) =>
    cardsIn(first.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body)).filter((c) =>
      texts(c).some((t) => t.endsWith(kind)),
    );
  const storedEngagement = async () => {
    const stores = await store.open();
    try {
      return (await stores.engagements.get(engagementId))!.value;
    } finally {
      await stores.close();
    }
  };

  beforeAll(async () => {
    await store.start();
    first = await start();
    first.connector.members = rosterOf(Object.values(people));
    await first.post(cardAction(first.connector.serviceUrl, people.manager, 'setup.submit', setupInputs(olderSeed())));
    await act(first, people.sme, 'task.complete', { taskId: '2533' });
    await first.bot.idle();
  });
  afterAll(async () => {
    for (const harness of instances.slice(1)) await harness.stop();
    await first?.stop();
    await store.stop();
  });

  it('an engagement set up on the playbook of 26 Jul 2019 runs on it, without 4078, 4079 and 4084', async () => {
    const engagement = await storedEngagement();
    expect(engagement.playbookVersion).toBe(olderSeed().version);
    expect(engagement.tasks.map((t) => t.id)).not.toContain('4078');
    expect(engagement.tasks.find((t) => t.id === '2533')).toMatchObject({
      status: 'done',
      workshop: OLD_IDENTITY_NAME,
    });
  });

  it('restarted with the seed, two instances at once post one card to the FastTrack Manager, naming what changes', async () => {
    await first.bot.close();
    instances = [first];
    writeFileSync(join(playbooks, 'assess-conduct-security-workshops.md'), SEED_MARKDOWN);
    first.connector.clear();
    const [a, b] = await Promise.all([start(), start()]);
    const offered = await Promise.all([a!.bot.playbookOffers, b!.bot.playbookOffers]);
    expect(offered.sort()).toEqual([0, 1]);
    await Promise.all([a!.bot.idle(), b!.bot.idle()]);
    const cards = posted(': a newer version');
    expect(cards).toHaveLength(1);
    const lines = texts(cards[0]);
    expect(lines).toEqual(
      expect.arrayContaining([
        '3 tasks added',
        '• 4084 Intune - Conduct Microsoft Modern Management Assessment (Device Security, mandatory, SME): arrives not started',
        '• 4079 MDATP Business Value Deck (Device Security, mandatory, FastTrack Manager): arrives not started',
        '• 4078 MDATP – Position MDATP over 3rd Party AV (Device Security, mandatory, SME): arrives not started',
        'Workshops renamed',
        `• ${OLD_IDENTITY_NAME} → Identity Security`,
      ]),
    );
    const summary = await say(a!, people.manager, 'status');
    expect(texts(summary)).toContain(
      'A newer version of the playbook (25 Oct 2019) is available until the FastTrack Manager applies it.',
    );
  });

  it('Not now leaves the engagement as it is; Review on the summary posts the changes again, Apply only for the manager', async () => {
    const [a] = instances.slice(1);
    const later = await act(a!, people.manager, 'playbook.notNow', { version: seedPlaybook.version });
    expect(texts(later.body)).toContain(
      "Contoso's engagement stays on the version of 26 Jul 2019. The summary keeps offering the newer one.",
    );
    expect((await storedEngagement()).playbookVersion).toBe(olderSeed().version);
    first.connector.clear();
    await act(a!, people.manager, 'playbook.review');
    await a!.bot.idle();
    const [again] = posted(': a newer version');
    expect(JSON.stringify(again)).toContain('"verb":"playbook.apply"');
    const refused = await act(a!, people.sme, 'playbook.apply', { version: seedPlaybook.version });
    expect(JSON.stringify(refused.body)).toContain('Only FastTrack Manager can do that here. Nothing was changed.');
  });

  it('Apply, racing a task click: the three tasks arrive Not started, 2533 stays done, one migration event, the click kept', async () => {
    const [a] = instances.slice(1);
    const answers = await Promise.all([
      act(a!, people.manager, 'playbook.apply', { version: seedPlaybook.version }),
      act(instances[2]!, people.manager, 'task.start', { taskId: '2460' }),
    ]);
    expect(texts(answers[0]!.body)).toContain(
      `Applied the version of 25 Oct 2019: added 4084, 4079, 4078; renamed ${OLD_IDENTITY_NAME} to Identity Security.`,
    );
    const engagement = await storedEngagement();
    expect(engagement.playbookVersion).toBe(seedPlaybook.version);
    const status = Object.fromEntries(engagement.tasks.map((t) => [t.id, t.status]));
    expect([status['4078'], status['4079'], status['4084'], status['2533'], status['2460']]).toEqual([
      'notStarted',
      'notStarted',
      'notStarted',
      'done',
      'inProgress',
    ]);
    const history = texts(await say(a!, people.manager, 'history')).filter((t) => t.includes('newer playbook'));
    expect(history).toEqual([
      `**Maria** moved the engagement to the newer playbook Conduct Security Workshops: 26 Jul 2019 → 25 Oct 2019 · Note: added 4084, 4079, 4078; renamed ${OLD_IDENTITY_NAME} to Identity Security.`,
    ]);
    const again = await act(a!, people.manager, 'playbook.apply', { version: seedPlaybook.version });
    expect(JSON.stringify(again.body)).toContain('This engagement already runs on that version.');
  });

  it('a playbook file removed from PLAYBOOKS_DIR leaves its engagements on the version they have, and the summary says so', async () => {
    const other = tempDir();
    const title = 'Another Playbook';
    writeFileSync(
      join(other, 'another.md'),
      playbookMarkdown(title, [
        {
          name: 'W',
          primaryRole: 'SME',
          appliesTo: 'AADP',
          rows: [{ id: '9001', name: 'T', marker: 'M', role: 'SME', services: 'AADP' }],
        },
      ]),
    );
    const alone = await startHarness({ ...store.env(), PLAYBOOKS_DIR: other });
    instances.push(alone);
    const summary = await say(alone, people.manager, 'status', first.connector.serviceUrl);
    expect(texts(summary)).toContain(
      'Its playbook file is no longer loaded: it runs on the version it was set up with (25 Oct 2019).',
    );
    const workshops = cardsIn(await sayAll(alone, people.manager, 'workshops', first.connector.serviceUrl));
    expect(workshops.map((c) => texts(c).find((t) => t === 'Device Security'))).toContain('Device Security');
  });

  async function sayAll(on: BotHarness, who: Person, text: string, serviceUrl = first.connector.serviceUrl) {
    await on.bot.idle();
    first.connector.clear();
    await on.post(channelMessage(serviceUrl, who, text));
    await on.bot.idle();
    return first.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body);
  }
  async function say(
    on: BotHarness,
    who: Person,
    text: string,
    serviceUrl = first.connector.serviceUrl,
  ): Promise<Card> {
    return cardsIn(await sayAll(on, who, text, serviceUrl))[0]!;
  }
});
