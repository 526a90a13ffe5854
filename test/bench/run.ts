import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ts from 'typescript';
import { rosterOf } from '../fixtures/activities';
import { startLocalCosmos } from '../fixtures/cosmosServer';
import { people } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { setUp, taskAction } from './actions';
import { load, post, type LoadResult } from './load';
import { startChild, type ChildServer } from './processes';
import { rateBench, sweepBench } from './reminders';
import { trailBench } from './trail';

const ROOT = join(__dirname, '../..');
/** The bot as production runs it: the build in dist/ (npm run bench builds first). */
const BOT = join(ROOT, 'dist/index.js');
const WORKERS = 8;
const REQUESTS = 3000;
const ROUNDS = 3;
/** Plain JavaScript for a TypeScript file, next to the build, so the baseline runs as the bot does: no loader. */
function compiled(file: string): string {
  const output = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const out = join(ROOT, 'dist/bench', basename(file).replace(/\.ts$/, '.js'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, output.outputText);
  return out;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function medianResult(results: LoadResult[]): LoadResult {
  return {
    requests: results.reduce((n, r) => n + r.requests, 0),
    seconds: results.reduce((n, r) => n + r.seconds, 0),
    perSecond: median(results.map((r) => r.perSecond)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    failures: results.reduce((n, r) => n + r.failures, 0),
  };
}

/** Both servers stay up; rounds alternate between them so a noisy neighbour hits both alike. */
async function throughput(connector: FakeConnector): Promise<{ ours: LoadResult; baseline: LoadResult }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const ours = await startChild(BOT, [], { DATA_DIR: dir });
  let baselineBot: ChildServer | undefined;
  try {
    await setUp(ours, connector, 0);
    const act = taskAction(connector, () => 0);
    const sample = await post(`${ours.url}/api/messages`, act(0, 0));
    const cardFile = join(dir, 'card.json');
    writeFileSync(cardFile, JSON.stringify((JSON.parse(sample.text) as { value: unknown }).value));
    baselineBot = await startChild(compiled(join(__dirname, 'staticCardBot.ts')), [cardFile, '{port}'], {});
    const again = taskAction(connector, () => 0);
    await load(`${ours.url}/api/messages`, act, 300, WORKERS);
    await load(`${baselineBot.url}/api/messages`, again, 300, WORKERS);
    const rounds: { ours: LoadResult[]; baseline: LoadResult[] } = { ours: [], baseline: [] };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.ours.push(await load(`${ours.url}/api/messages`, act, REQUESTS / ROUNDS, WORKERS));
      rounds.baseline.push(await load(`${baselineBot.url}/api/messages`, again, REQUESTS / ROUNDS, WORKERS));
    }
    return { ours: medianResult(rounds.ours), baseline: medianResult(rounds.baseline) };
  } finally {
    await baselineBot?.stop();
    await ours.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function cosmosRequestsPerAction(
  connector: FakeConnector,
): Promise<{ perAction: Record<string, number>; actions: number }> {
  const cosmos = await startLocalCosmos();
  const bot = await startChild(BOT, [], {
    COSMOS_ENDPOINT: cosmos.endpoint,
    COSMOS_KEY: cosmos.key,
    COSMOS_DATABASE: 'bench',
  });
  try {
    await setUp(bot, connector, 1);
    const act = taskAction(connector, () => 1);
    await post(`${bot.url}/api/messages`, act(0, 0));
    cosmos.requests.reset();
    const actions = 100;
    for (let i = 0; i < actions; i++) await post(`${bot.url}/api/messages`, act(0, i));
    const perAction = Object.fromEntries(Object.entries(cosmos.requests.byMethod).map(([m, c]) => [m, c / actions]));
    return { perAction, actions };
  } finally {
    await bot.stop();
    await cosmos.stop();
  }
}

async function memory(
  connector: FakeConnector,
): Promise<{ startMiB: number; afterMiB: number; engagements: number; actions: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  const bot = await startChild(BOT, [], { DATA_DIR: dir });
  try {
    const engagements = 1000;
    const perEngagement = 10;
    await setUp(bot, connector, 10_000);
    const startMiB = bot.rssMiB();
    const url = `${bot.url}/api/messages`;
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, w) => {
        for (let n = w; n < engagements; n += WORKERS) await setUp(bot, connector, 20_000 + n);
      }),
    );
    const act = taskAction(connector, (w, i) => 20_000 + Math.floor(i / perEngagement) * WORKERS + w);
    await load(url, act, engagements * perEngagement, WORKERS, 300);
    return { startMiB, afterMiB: bot.rssMiB(), engagements, actions: engagements * perEngagement };
  } finally {
    await bot.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

const f = (n: number, digits = 0) => n.toFixed(digits);

const DOC = join(ROOT, 'docs/benchmarks.md');
/** The heading the run writes under; what is above it (the spread of several runs, card heights) is kept. */
const LATEST = '# Latest run of `npm run bench`';

function keptAbove(marker: string): string {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const at = current.indexOf(marker);
  return at >= 0 ? current.slice(0, at) : '# Benchmarks\n\n';
}
const ACTION_ROUNDS_TEXT =
  '1,500 task actions on each side from 8 concurrent clients, in 3 rounds that alternate between the two (medians shown).';

async function main(): Promise<void> {
  const connector = await startFakeConnector();
  connector.members = rosterOf(Object.values(people));
  try {
    const { ours, baseline } = await throughput(connector);
    const ratio = ours.perSecond / baseline.perSecond;
    const storage = await cosmosRequestsPerAction(connector);
    const mem = await memory(connector);
    const sweep = await sweepBench();
    const rate = await rateBench();
    const trail = await trailBench(BOT, connector);
    const lines = [
      LATEST,
      '',
      `Latest run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (shared machine: read the ratios, not the absolute figures). Produced by \`npm run bench\`.`,
      '',
      '## Card actions over real HTTP (embedded SQLite store)',
      '',
      `${REQUESTS} \`adaptiveCard/action\` invokes per side from ${WORKERS} concurrent clients, each completing and reopening its own task, in ${ROUNDS} rounds that alternate between the two servers (medians shown). The bot runs in its own process, stores every change and keeps the posted summary and workshop cards current on a fake Bot Connector. The baseline is the same CloudAdapter and restify server, in its own process, answering every invoke with one static card of the same size. Both run as plain JavaScript on Node, as in production.`,
      '',
      '| | requests/s | p50 ms | p99 ms | failures |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| baseline (static card) | ${f(baseline.perSecond)} | ${f(baseline.p50Ms, 1)} | ${f(baseline.p99Ms, 1)} | ${baseline.failures} |`,
      `| task action | ${f(ours.perSecond)} | ${f(ours.p50Ms, 1)} | ${f(ours.p99Ms, 1)} | ${ours.failures} |`,
      '',
      `Throughput ratio (task action / baseline): **${f(ratio, 2)}** (target: at least 0.50). p99 ratio: ${f(ours.p99Ms / baseline.p99Ms, 2)}.`,
      '',
      '## Card actions on an engagement with a long history (embedded SQLite store)',
      '',
      `One bot process: a new engagement each round (no history when the round starts), against one whose trail holds ${trail.trail.toLocaleString('en')} events (made by as many card actions before measuring). ${ACTION_ROUNDS_TEXT} Bytes written per action are the engagement document, rewritten whole by each action, plus the events the action moves to the trail.`,
      '',
      '| engagement | requests/s | bytes written per action | document bytes |',
      '| --- | ---: | ---: | ---: |',
      `| new, no history | ${f(trail.fresh.perSecond)} | ${f(trail.fresh.bytesPerAction)} | ${trail.fresh.documentBytes} |`,
      `| ${trail.trail.toLocaleString('en')} events in its trail | ${f(trail.long.perSecond)} | ${f(trail.long.bytesPerAction)} | ${trail.long.documentBytes} |`,
      '',
      `Throughput ratio (long history / none): **${f(trail.long.perSecond / trail.fresh.perSecond, 2)}**; bytes per action ratio: **${f(trail.long.bytesPerAction / trail.fresh.bytesPerAction, 2)}**.`,
      '',
      '## Storage requests per card action (Cosmos DB path)',
      '',
      `Counted at the server (@vercel/cosmosdb-server) over ${storage.actions} actions that each change one task: ${Object.entries(
        storage.perAction,
      )
        .map(([m, c]) => `${m} ${f(c, 2)}`)
        .join(', ')} per action (target: one read, GET, and one write, PUT).`,
      '',
      '## Resident memory',
      '',
      `The bot process on SQLite: ${f(mem.startMiB)} MiB after start and one setup; ${f(mem.afterMiB)} MiB after ${mem.engagements} engagements and ${mem.actions} card actions.`,
      '',
      '## Reminders',
      '',
      `A sweep over ${sweep.engagements.toLocaleString('en')} engagements on SQLite, each with its own SME, of whom ${sweep.due} have a digest due: ${f(sweep.ms)} ms, ${sweep.sent} digests handed to the notifier, ${sweep.documentsRead} documents read (${f(sweep.documentsRead / sweep.due, 1)} per digest due: the due query finds the people, a members index their engagements; nobody else is read).`,
      '',
      `${rate.digests} digests through the real outbound path to a fake Bot Connector that allows ${rate.allowedPerSecond} requests a second for the app and answers 429 beyond: delivered in ${f(rate.seconds, 2)} s against the ${f(rate.leastSeconds, 1)} s the limit allows, **${f(rate.achieved, 2)}** of the allowed rate (target: at least 0.9); ${rate.throttled} answered 429, ${rate.lost} lost, ${rate.duplicated} duplicated.`,
      '',
    ];
    const report = lines.join('\n');
    console.log(report);
    writeFileSync(DOC, `${keptAbove(LATEST)}${report}`);
    if (ours.failures || baseline.failures) process.exitCode = 1;
  } finally {
    await connector.stop();
  }
}

void main();
