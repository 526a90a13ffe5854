import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { workshopCardKey } from '../../src/teams/views/cardKeys';
import type { FakeConnector } from '../fixtures/fakeConnector';
import { action, taskAction, TASKS, workshopOf } from './actions';
import { load, post } from './load';
import { startChild, type ChildServer } from './processes';
import { postedId, seedEngagements } from './seed';

const WORKERS = 8;
/**
 * Actions per measured round, per side. A hot round is longer: its updates merge, so it ends quickly, and at
 * thousands of actions a second a short round is over before the machine's noise evens out. A spread round
 * ends only once its two updates per action are sent at Teams' 50 a second.
 */
export const ROUND = { hot: 2000, spread: 600 } as const;
export const ROUNDS = 7;
const WARM_ROUND = 400;
const WARM_ROUNDS_MIN = 3;
const WARM_ROUNDS_MAX = 10;
/** Engagements the spread mix acts on, and how many the store holds for the heap figure. */
export const SPREAD = 1000;
export const STORED = 10_000;
const HOT = 0;

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export interface SideFigures {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerAction: number;
  failures: number;
  /** Card updates sent in the background per action. */
  updatesPerAction: number;
}

export interface MixFigures {
  /** Throughput, ours over the baseline's, per round. */
  ratio: Spread;
  /** CPU per action, ours over the baseline's, per round. */
  cpuRatio: Spread;
  ours: SideFigures;
  baseline: SideFigures;
}

export interface HeapFigures {
  queuedMiB: number;
  drainedMiB: number;
}

export interface ActionFigures {
  /** The size of each workshop's card the baseline answers with, by workshop. */
  baselineCardBytes: Map<string, number>;
  warmRounds: number;
  hot: MixFigures;
  spread: MixFigures;
  /** After one action on each of 1,000 and of 10,000 engagements: with their updates queued, and sent. */
  heap: { spread: HeapFigures; stored: HeapFigures };
  rss: { startMiB: number; endMiB: number };
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const spreadOf = (values: number[]): Spread => ({
  median: median(values),
  min: Math.min(...values),
  max: Math.max(...values),
});

/**
 * Waits until the bot has sent its background card updates, paced under Teams' limit of 50 a second for
 * the app: nothing new at the connector for longer than the limit's one-second window.
 */
export async function settled(connector: FakeConnector): Promise<void> {
  let seen = -1;
  while (seen !== connector.sent.length) {
    seen = connector.sent.length;
    await sleep(1200);
  }
}

/** The bot's live heap after a full garbage collection, through the benchmark's preloaded probe. */
async function heapMiB(bot: ChildServer, file: string): Promise<number> {
  rmSync(file, { force: true });
  bot.child.kill('SIGUSR2');
  for (let i = 0; i < 100 && !existsSync(file); i++) await sleep(50);
  await sleep(50);
  return Number(readFileSync(file, 'utf8')) / 2 ** 20;
}

/** CPU a quiet process still uses in a quarter of a second (timers, the GC): below it, it is idle. */
const IDLE_CPU_SECONDS = 0.005;

/** Waits until the process uses no more CPU than an idle one, for at most 10 s. */
async function cpuSettled(server: ChildServer): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const before = server.cpuSeconds();
    await sleep(250);
    if (server.cpuSeconds() - before <= IDLE_CPU_SECONDS) return;
  }
}

type Next = (w: number, i: number) => object;

/**
 * One measured round on a server: its load figures and the CPU its process used per request, background
 * card updates included. It ends only once the server is idle (its updates sent, its CPU settled), so the
 * next round, on either side, starts on a quiet machine.
 */
async function round(server: ChildServer, next: Next, total: number, connector: FakeConnector) {
  const before = server.cpuSeconds();
  const sentBefore = connector.sent.length;
  const result = await load(`${server.url}/api/messages`, next, total, WORKERS);
  await settled(connector);
  await cpuSettled(server);
  const cpuMs = ((server.cpuSeconds() - before) * 1000) / result.requests;
  return { result, cpuMs, updates: (connector.sent.length - sentBefore) / result.requests };
}

/** Rounds that alternate between the bot and the baseline, so a noisy neighbour slows both alike. */
async function mix(
  bot: ChildServer,
  baseline: ChildServer,
  ours: Next,
  theirs: Next,
  connector: FakeConnector,
  actions: number,
) {
  const rounds: { ours: Awaited<ReturnType<typeof round>>; baseline: Awaited<ReturnType<typeof round>> }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    connector.clear();
    rounds.push({
      ours: await round(bot, ours, actions, connector),
      baseline: await round(baseline, theirs, actions, connector),
    });
  }
  const side = (pick: (r: (typeof rounds)[number]) => Awaited<ReturnType<typeof round>>): SideFigures => ({
    perSecond: median(rounds.map((r) => pick(r).result.perSecond)),
    p50Ms: median(rounds.map((r) => pick(r).result.p50Ms)),
    p99Ms: median(rounds.map((r) => pick(r).result.p99Ms)),
    cpuMsPerAction: median(rounds.map((r) => pick(r).cpuMs)),
    failures: rounds.reduce((n, r) => n + pick(r).result.failures, 0),
    updatesPerAction: median(rounds.map((r) => pick(r).updates)),
  });
  return {
    ratio: spreadOf(rounds.map((r) => r.ours.result.perSecond / r.baseline.result.perSecond)),
    cpuRatio: spreadOf(rounds.map((r) => r.ours.cpuMs / r.baseline.cpuMs)),
    ours: side((r) => r.ours),
    baseline: side((r) => r.baseline),
  };
}

/** Each workshop's card as the bot shows it to the clicking manager in the hot engagement's channel. */
async function workshopCards(bot: ChildServer, connector: FakeConnector): Promise<Map<string, unknown>> {
  const cards = new Map<string, unknown>();
  for (const workshop of new Set(TASKS.map(workshopOf))) {
    const refresh = action(connector, HOT, 'card.refresh', { card: workshopCardKey(workshop) });
    const { text } = await post(`${bot.url}/api/messages`, refresh);
    cards.set(workshop, (JSON.parse(text) as { value: unknown }).value);
  }
  return cards;
}

/**
 * Card actions against a baseline that answers every invoke with a static card as large as the bot's answer
 * (the clicked task's workshop card), both as plain Node processes: a hot mix (one engagement) and a spread
 * mix (actions over 1,000 engagements, each with its cards posted, so each action updates two posted copies:
 * the summary and the clicked workshop card, whose answer reaches the clicker only). Then the bot's heap
 * after GC at 1,000 and at 10,000 engagements.
 */
export async function actionBench(
  scripts: { bot: string; baseline: string; heapProbe: string },
  dataDir: string,
  connector: FakeConnector,
): Promise<ActionFigures> {
  await seedEngagements(dataDir, connector, HOT, STORED + 1);
  const heapFile = join(dataDir, 'heap.txt');
  const probe = ['--expose-gc', '--require', scripts.heapProbe];
  const bot = await startChild(scripts.bot, [], { DATA_DIR: dataDir, BENCH_HEAP_FILE: heapFile }, probe);
  let baseline: ChildServer | undefined;
  try {
    const startMiB = bot.rssMiB();
    const cards = await workshopCards(bot, connector);
    const cardFile = join(dataDir, 'cards.json');
    writeFileSync(cardFile, JSON.stringify(Object.fromEntries(TASKS.map((t) => [t, cards.get(workshopOf(t))]))));
    baseline = await startChild(scripts.baseline, [cardFile, '{port}'], {});

    const clicked = (channel: number, taskId: string) => postedId(channel, workshopCardKey(workshopOf(taskId)));
    const steps = new Map<string, number>();
    const hot = taskAction(connector, () => HOT, clicked, steps);
    const spreadOver = (count: number) => (w: number, i: number) => 1 + ((w * 7919 + i * 104_729) % count);
    const spread = taskAction(connector, spreadOver(SPREAD), clicked, steps);
    // The baseline acts on the same channels and copies, so its background updates go where the bot's do.
    const hotBaseline = taskAction(connector, () => HOT, clicked);
    const spreadBaseline = taskAction(connector, spreadOver(SPREAD), clicked);

    // Warm up until neither the bot nor the baseline speeds up any more: each less than 3% faster than in
    // the round before, after at least WARM_ROUNDS_MIN rounds.
    let warmRounds = 0;
    let previous = { ours: 0, baseline: 0 };
    while (warmRounds < WARM_ROUNDS_MAX) {
      warmRounds++;
      const ours = (await round(bot, hot, WARM_ROUND, connector)).result.perSecond;
      await round(bot, spread, WARM_ROUND, connector);
      const theirs = (await round(baseline, hotBaseline, WARM_ROUND, connector)).result.perSecond;
      await round(baseline, spreadBaseline, WARM_ROUND, connector);
      const steady = ours < previous.ours * 1.03 && theirs < previous.baseline * 1.03;
      if (warmRounds >= WARM_ROUNDS_MIN && steady) break;
      previous = { ours, baseline: theirs };
    }
    const hotFigures = await mix(bot, baseline, hot, hotBaseline, connector, ROUND.hot);
    const spreadFigures = await mix(bot, baseline, spread, spreadBaseline, connector, ROUND.spread);
    // One action on each of the first 1,000 engagements, then on each of all 10,000. The heap is measured
    // right after each, with the card updates they caused queued under Teams' rate limit, and once sent.
    const eachOnce = (count: number) =>
      taskAction(connector, (w, i) => 1 + ((i * WORKERS + w) % count), clicked, steps);
    const heapAfter = async (count: number): Promise<HeapFigures> => {
      await load(`${bot.url}/api/messages`, eachOnce(count), count, WORKERS, 120);
      const queuedMiB = await heapMiB(bot, heapFile);
      await settled(connector);
      connector.clear();
      return { queuedMiB, drainedMiB: await heapMiB(bot, heapFile) };
    };
    const spreadHeap = await heapAfter(SPREAD);
    const storedHeap = await heapAfter(STORED);
    return {
      baselineCardBytes: new Map(
        [...cards].map(([workshop, card]) => [workshop, Buffer.byteLength(JSON.stringify(card))]),
      ),
      warmRounds,
      hot: hotFigures,
      spread: spreadFigures,
      heap: { spread: spreadHeap, stored: storedHeap },
      rss: { startMiB, endMiB: bot.rssMiB() },
    };
  } finally {
    await baseline?.stop();
    await bot.stop();
  }
}
