import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Stores } from '../../src/app/ports';
import { ReportLinks } from '../../src/app/reportLinks';
import { engagementIdFor } from '../../src/domain/engagement';
import type { Engagement } from '../../src/domain/types';
import { connectCosmosStores } from '../../src/store/cosmosStores';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { CardRenderer } from '../../src/teams/cards/renderer';
import { EngagementCardViews } from '../../src/teams/cards/engagementCardViews';
import { KEY_INPUTS_CARD } from '../../src/teams/views/cardKeys';
import { cardAction, CHANNEL, rosterOf, TENANT } from '../fixtures/activities';
import { postActivity, startBotProcess, type BotProcess } from '../fixtures/botProcess';
import { cardsIn, type Card } from '../fixtures/cardText';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { people, seedCatalog, seedPlaybook } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { setupInputs } from '../fixtures/setupChannel';
import { report } from './figures';

jest.setTimeout(90_000);

const engagementId = engagementIdFor(TENANT, CHANNEL);
const TASKS = seedPlaybook.workshops.flatMap((w) => w.tasks.map((t) => t.id));
/** Both processes are published at one address, as behind a load balancer; report links name it. */
const PUBLIC_URL = 'https://bot.example.com';
const links = new ReportLinks({ secret: Buffer.alloc(32), version: 1 }, () => PUBLIC_URL);
const views = new EngagementCardViews(seedCatalog, new CardRenderer(), (e) => links.urlFor(e.id, 0, new Date()));
/** A card with its report link's expiry and signature left out: they depend on the hour and the key. */
const linkTarget = (card: unknown): unknown =>
  JSON.parse(JSON.stringify(card).replace(/(\/report\/eng-[0-9a-f]+)\?[^"]*/g, '$1'));

/** What each posted copy shows everyone in the end: its newest update (an answer to a click reaches the clicker only). */
function finalCopies(connector: FakeConnector): Map<string, Card> {
  const shown = new Map<string, { at: number; card: Card }>();
  for (const put of connector.sent.filter((s) => s.method === 'PUT')) {
    const current = shown.get(put.activityId ?? '');
    if (!current || current.at <= put.at)
      shown.set(put.activityId ?? '', { at: put.at, card: cardsIn([put.body])[0]! });
  }
  return new Map([...shown].map(([activityId, { card }]) => [activityId, card]));
}

async function quiet(connector: FakeConnector, forMs: number): Promise<void> {
  let seen = -1;
  while (seen !== connector.sent.length) {
    seen = connector.sent.length;
    await new Promise((resolve) => setTimeout(resolve, forMs));
  }
}

const stores: [
  string,
  () => Promise<{ env: Record<string, string>; open(): Promise<Stores>; close(): Promise<void> }>,
][] = [
  [
    'one SQLite file',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'two-instances-'));
      return {
        env: { DATA_DIR: dir },
        open: async () => openSqliteStores(dir),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
  [
    'one Cosmos DB',
    async () => {
      const cosmos: LocalCosmos = await startLocalCosmos();
      const env = { COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: cosmos.key, COSMOS_DATABASE: 'two-instances' };
      return {
        env,
        open: () => connectCosmosStores({ endpoint: cosmos.endpoint, key: cosmos.key, database: 'two-instances' }),
        close: () => cosmos.stop(),
      };
    },
  ],
];

describe.each(stores)('two bot processes on %s', (name, prepare) => {
  let connector: FakeConnector;
  let bots: BotProcess[] = [];
  let backing: Awaited<ReturnType<typeof prepare>>;

  beforeAll(async () => {
    connector = await startFakeConnector();
    connector.members = rosterOf(Object.values(people));
    backing = await prepare();
    const env = { ...backing.env, PUBLIC_URL };
    bots = [await startBotProcess(env), await startBotProcess(env)];
  });
  afterAll(async () => {
    await Promise.all(bots.map((b) => b.kill()));
    await connector.stop();
    await backing.close();
  });

  it('keep every click of a burst split between them, and every posted card ends on the final state', async () => {
    const setup = cardAction(connector.serviceUrl, people.manager, 'setup.submit', setupInputs(seedPlaybook));
    expect((await postActivity(bots[0]!.url, setup)).status).toBe(200);
    connector.jitterMs = 300;
    const store = await backing.open();
    const posted = (await store.engagements.get(engagementId))!.value.posts;
    const copyOf = (taskId: string) => {
      const workshop = seedPlaybook.workshops.find((w) => w.tasks.some((t) => t.id === taskId))!.name;
      return posted.find((p) => p.card === `workshop:${workshop}`)!.activityId;
    };
    const answers: { ok: boolean }[] = [];
    const click = async (i: number, verb: string, taskId: string) => {
      const replyToId = i % 2 === 0 ? copyOf(taskId) : 'activity-not-posted';
      const data = { engagementId, taskId };
      const activity = cardAction(connector.serviceUrl, people.manager, verb, data, { replyToId });
      const { status, body } = await postActivity(bots[i % 2]!.url, activity);
      const parsed = JSON.parse(body) as { type?: string };
      const ok = status === 200 && parsed.type === 'application/vnd.microsoft.card.adaptive';
      answers.push({ ok });
    };
    // Each task is worked by its own person, click after click, alternating between the two processes, so
    // that card updates are rendered and sent while the other process keeps writing.
    const steps = ['task.complete', 'task.reopen', 'task.complete', 'task.reopen', 'task.complete'];
    await Promise.all(
      TASKS.map(async (taskId, w) => {
        for (const [step, verb] of steps.entries()) {
          await click(w + step, verb, taskId);
          await new Promise((resolve) => setTimeout(resolve, 40 + ((w * 37) % 60)));
        }
      }),
    );
    await quiet(connector, 1500);

    const final: Engagement = (await store.engagements.get(engagementId))!.value;
    await store.close();
    // A lost change would make the next click on that task an invalid move, so every answer ok means every click kept.
    expect(answers.filter((a) => a.ok)).toHaveLength(TASKS.length * steps.length);
    expect(final.tasks.filter((t) => t.status === 'done').map((t) => t.id)).toEqual(TASKS);
    const shown = finalCopies(connector);
    // Task clicks change the workshop cards and the summary; the Key Inputs card stays as it was posted.
    for (const post of final.posts.filter((p) => p.card !== KEY_INPUTS_CARD)) {
      expect({ card: post.card, shows: linkTarget(shown.get(post.activityId)) }).toEqual({
        card: post.card,
        shows: linkTarget(views.render(final, post.card)),
      });
    }
    const updates = connector.sent.filter((s) => s.method === 'PUT').length;
    report(`two instances on ${name}`, {
      clicks: answers.length,
      kept: answers.filter((a) => a.ok).length,
      'card updates sent': updates,
    });
  });

  it('an update that lands after a newer one from the other process is corrected by its sender', async () => {
    connector.jitterMs = 0;
    connector.clear();
    const store = await backing.open();
    const before = (await store.engagements.get(engagementId))!.value;
    const clickOn = (bot: BotProcess, verb: string, taskId: string) =>
      postActivity(bot.url, cardAction(connector.serviceUrl, people.manager, verb, { engagementId, taskId }));
    connector.delayNext('PUT', 1500);
    const verb = (taskId: string) =>
      before.tasks.find((t) => t.id === taskId)?.status === 'done' ? 'task.reopen' : 'task.complete';
    await clickOn(bots[0]!, verb('2460'), '2460');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await clickOn(bots[1]!, verb('4084'), '4084');
    await quiet(connector, 2500);
    const final = (await store.engagements.get(engagementId))!.value;
    await store.close();
    const shown = finalCopies(connector);
    const updates = connector.sent.filter((s) => s.method === 'PUT');
    expect(updates.length).toBeGreaterThan(2);
    for (const post of final.posts.filter((p) => shown.has(p.activityId))) {
      expect({ card: post.card, shows: linkTarget(shown.get(post.activityId)) }).toEqual({
        card: post.card,
        shows: linkTarget(views.attachmentFor(final, post.card).content),
      });
    }
  });
});
