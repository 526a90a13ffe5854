import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import ts from 'typescript';
import { rosterOf } from '../fixtures/activities';
import { people } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { cosmosActionBench, cosmosScaleBench, type CosmosActionFigures, type ScaleFigures } from './cosmos';
import { actionBench, ROUND, ROUNDS, SPREAD, STORED, type ActionFigures, type MixFigures, type Spread } from './mixes';
import { rateBench, sweepBench } from './reminders';
import { trailBench } from './trail';
import { portfolioBench } from './portfolio';
import { templateBench, type TemplateFigures } from './templates';

const ROOT = join(__dirname, '../..');
/** The bot as production runs it: the build in dist/ (npm run bench builds first). */
const BOT = join(ROOT, 'dist/index.js');
/** Plain JavaScript for a TypeScript file, next to the build, so the baseline runs as the bot does: no loader. */
function compiled(file: string): string {
  const output = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  const out = join(ROOT, 'dist/bench', basename(file).replace(/\.ts$/, '.js'));
  mkdirSync(dirname(out), { recursive: true });
  // The bench's scripts use the bot's own modules, which the build puts one folder above them.
  writeFileSync(out, output.outputText.replace(/require\("\.\.\/\.\.\/src\//g, 'require("../'));
  return out;
}

const f = (n: number, digits = 0) => n.toFixed(digits);
const cardSizes = (bytes: Map<string, number>) =>
  [...bytes].map(([workshop, size]) => `${workshop} ${f(size / 1024, 1)} KB`).join(', ');

const DOC = join(ROOT, 'docs/benchmarks.md');
/** The heading the run writes under; what is above it (the spread of several runs, card heights) is kept. */
const LATEST = '# Latest run of `npm run bench`';

function keptAbove(marker: string): string {
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const at = current.indexOf(marker);
  return at >= 0 ? current.slice(0, at) : '# Benchmarks\n\n';
}
const WORKERS_TEXT =
  "8 concurrent clients, each completing and reopening its own task; each click carries the clicker's time zone, as Teams sends it, and the cards show times in it.";
const ACTION_ROUNDS_TEXT =
  '1,500 task actions on each side from 8 concurrent clients, in 3 rounds that alternate between the two (medians shown).';

const row = (name: string, side: MixFigures['ours']) =>
  `| ${name} | ${f(side.perSecond)} | ${f(side.p50Ms, 1)} | ${f(side.p99Ms, 1)} | ${f(side.cpuMsPerAction, 2)} | ${f(side.updatesPerAction, 2)} | ${side.failures} |`;
const ratioText = (r: Spread) => `**${f(r.median, 2)}** (rounds: ${f(r.min, 2)}–${f(r.max, 2)})`;

function actionLines(a: ActionFigures): string[] {
  return [
    '## Card actions over real HTTP (embedded SQLite store)',
    '',
    `The bot, built, and a baseline run as plain Node processes. The baseline is the bot's own restify server, messages endpoint and adapter (TeamsAdapter) with the bot's logic replaced by static cards: it answers each click with the card the bot showed the FastTrack Manager for the clicked task's workshop at the start (${cardSizes(a.baselineCardBytes)}), given as JSON text as the bot gives its cards, and then, like the bot, updates two posted copies (the clicked card and the summary) with that card in the background, through the bot's outbound queue and Bot Connector client. ${WORKERS_TEXT} Both warmed up first, until neither sped up any more (${a.warmRounds} warm-up rounds of 400 actions each); then ${ROUNDS} rounds per side that alternate between the two (${ROUND.hot.toLocaleString('en')} actions a round in the hot mix, ${ROUND.spread} in the spread mix), each round starting only once the side before is idle (its card updates sent, its CPU settled). Medians shown; the ratios' spread is over the rounds. CPU is the process's user and system time per action, its background card updates included.`,
    '',
    '- **Hot mix**: every action on one engagement, so card updates merge while queued.',
    `- **Spread mix**: actions spread over ${SPREAD.toLocaleString('en')} engagements, each with its cards posted, so most actions update two posted copies: the clicked workshop card, whose invoke answer reaches the clicker only, and the summary.`,
    '',
    '| mix | requests/s | p50 ms | p99 ms | CPU ms per action | updates sent per action | failures |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    row('baseline (static card), hot rounds', a.hot.baseline),
    row('hot mix', a.hot.ours),
    row('baseline (static card), spread rounds', a.spread.baseline),
    row('spread mix', a.spread.ours),
    '',
    `Hot mix: throughput ratio ${ratioText(a.hot.ratio)} (target: at least 0.85), CPU ratio ${ratioText(a.hot.cpuRatio)}. Spread mix: throughput ratio ${ratioText(a.spread.ratio)} (target: at least 0.6), CPU ratio ${ratioText(a.spread.cpuRatio)}. Target p99: at most 100 ms.`,
    '',
    '## Memory',
    '',
    `The bot's live heap after a full garbage collection, after one action on each of ${SPREAD.toLocaleString('en')} engagements and then on each of ${STORED.toLocaleString('en')}: measured right after the actions, with the card updates they caused still queued under Teams' limit of 50 sends a second, and once those are sent.`,
    '',
    '| | right after the actions | updates sent |',
    '| --- | ---: | ---: |',
    `| ${SPREAD.toLocaleString('en')} engagements | ${f(a.heap.spread.queuedMiB, 1)} MiB | ${f(a.heap.spread.drainedMiB, 1)} MiB |`,
    `| ${STORED.toLocaleString('en')} engagements | ${f(a.heap.stored.queuedMiB, 1)} MiB | ${f(a.heap.stored.drainedMiB, 1)} MiB |`,
    `| ratio (flat is 1.0) | ${f(a.heap.stored.queuedMiB / a.heap.spread.queuedMiB, 2)} | **${f(a.heap.stored.drainedMiB / a.heap.spread.drainedMiB, 2)}** |`,
    '',
    `Resident memory: ${f(a.rss.startMiB)} MiB after start, ${f(a.rss.endMiB)} MiB at the end.`,
    '',
  ];
}

const SCALES = [1_000, 10_000, 100_000];

const kinds = (byKind: Record<string, number>) =>
  Object.entries(byKind)
    .map(([kind, n]) => `${kind} ${f(n, 2)}`)
    .join(', ');

function cosmosLines(a: CosmosActionFigures, scale: ScaleFigures[]): string[] {
  const scaleRow = (
    name: string,
    pick: (s: ScaleFigures) => { byKind: Record<string, number>; fanOut: number; documents: number },
  ) =>
    scale.map((s) => {
      const r = pick(s);
      return `| ${name} | ${s.engagements.toLocaleString('en')} | ${kinds(r.byKind)} | ${f(r.fanOut)} | ${f(r.documents)} |`;
    });
  return [
    '## Cosmos DB: requests per card action',
    '',
    `The built bot on Cosmos DB (@vercel/cosmosdb-server, started by the bench), over real HTTP: ${a.actions} task actions on one engagement whose trail is already longer than its document keeps, so every action moves one event. Counted at the server, per action: ${kinds(a.requests.byKind)} (**${f(a.billedPerAction, 2)} requests**; target 2: the point read and one transactional batch). The reads beyond one come from the work each action leaves to the background (card updates, ${f(a.updatesPerAction, 2)} sent per action as clicks merge, and the checks before them), which reads the engagement again so as to send its current state; the action itself is the read and the batch. Queries without a partition key: ${f(a.requests.fanOut)}.`,
    '',
    `Request units, estimated from Microsoft's published table of RU by item size (a ${f(a.engagementBytes / 1024, 1)} KB engagement document and a ${f(a.eventBytes / 1024, 1)} KB event): **${f(a.ru.before, 1)} RU** per action with the first layout (its measured 1.14 reads, 1.00 replaces and 0.96 event upserts per action), **${f(a.ru.after, 1)} RU** now (a batch is charged as the sum of its operations). The table does not depend on the indexing policy; what the policies change is the index terms each action writes: about ${f(a.terms.before)} under the default index-everything policy, ${f(a.terms.after)} now (see docs/cosmos.md). That difference is not in the estimate: Microsoft publishes no formula for it.`,
    '',
    "## Cosmos DB: a person's reads as the tenant grows",
    '',
    `A FastTrack Manager of ${5} engagements among N in the tenant, each other engagement with its own SME and that SME's reminder record. \`my tasks\` is the store's listByMember; one digest is a reminder sweep with that manager alone due. Requests per kind (queryPlan is the gateway round trip the SDK makes before each query, not charged in RU), queries that fan out to every partition, documents returned.`,
    '',
    '| read | engagements | requests | fan-out queries | documents |',
    '| --- | ---: | --- | ---: | ---: |',
    ...scaleRow('`my tasks`', (s) => s.myTasks),
    ...scaleRow('one digest', (s) => s.digest),
    '',
  ];
}

type Section = (connector: FakeConnector) => Promise<string[]>;

/** What a section measured that a later one of the same run reports against. */
const measured: { actions?: ActionFigures } = {};

function templateLines(t: TemplateFigures): string[] {
  const saved = t.microseconds.library - t.microseconds.compiled;
  const spread = measured.actions?.spread.ours;
  // A spread action renders the clicked card for its answer, then the copies it updates.
  const perAction = spread ? 1 + spread.updatesPerAction : undefined;
  const share =
    spread && perAction
      ? ` A spread-mix action renders ${f(perAction, 1)} cards (its answer and the copies it updates), so the compiler saves ${f((saved * perAction) / 1000, 2)} ms of the ${f(spread.cpuMsPerAction, 2)} ms of CPU it costs: **${f((100 * saved * perAction) / 1000 / spread.cpuMsPerAction, 0)}%**.`
      : '';
  return [
    '## The template compiler',
    '',
    `The cards a task action sends (the FastTrack Manager's own Device Security workshop card and summary), rendered ${t.renders.toLocaleString('en')} times by each engine in alternating rounds, medians: **${f(t.microseconds.compiled)} µs** per card compiled (src/teams/cards/compiledTemplate.ts), **${f(t.microseconds.library)} µs** with adaptivecards-templating, ${f(t.microseconds.library / t.microseconds.compiled, 1)} times as long.${share}`,
    '',
  ];
}

/** The bench's parts, in the order they run and are written; `npm run bench -- cosmos` runs one alone. */
const SECTIONS: Record<string, Section> = {
  async actions(connector) {
    const actionsDir = mkdtempSync(join(tmpdir(), 'bench-'));
    const scripts = {
      bot: BOT,
      baseline: compiled(join(__dirname, 'staticCardBot.ts')),
      heapProbe: compiled(join(__dirname, 'heapProbe.ts')),
    };
    const actions = await actionBench(scripts, actionsDir, connector).finally(() =>
      rmSync(actionsDir, { recursive: true, force: true }),
    );
    measured.actions = actions;
    const { hot, spread } = actions;
    if (hot.ours.failures + hot.baseline.failures + spread.ours.failures + spread.baseline.failures)
      process.exitCode = 1;
    return actionLines(actions);
  },
  async templates() {
    return templateLines(templateBench());
  },
  async trail(connector) {
    const trail = await trailBench(BOT, connector);
    return [
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
    ];
  },
  async cosmos(connector) {
    const storage = await cosmosActionBench(BOT, connector);
    const scale: ScaleFigures[] = [];
    for (const count of SCALES) scale.push(await cosmosScaleBench(count));
    return cosmosLines(storage, scale);
  },
  async portfolio() {
    const figures = [await portfolioBench('sqlite'), await portfolioBench('cosmos')];
    return [
      '## The portfolio tab',
      '',
      `GET /api/portfolio over HTTP for a FastTrack Manager of ${figures[0]!.engagements} engagements (rows, both charts, JSON), against the store reading those ${figures[0]!.engagements} engagements alone (listByMember, in process), medians of 30 calls each, alternating. Documents and Cosmos DB requests per call are counted on the same use case run in process.`,
      '',
      '| store | API ms | reading alone ms | ratio | documents, API / alone | Cosmos DB requests, API / alone |',
      '| --- | ---: | ---: | ---: | ---: | ---: |',
      ...figures.map(
        (p) =>
          `| ${p.store} | ${f(p.apiMs, 1)} | ${f(p.readMs, 1)} | **${f(p.apiMs / p.readMs, 2)}** | ${p.apiDocuments} / ${p.readDocuments} | ${p.apiRequests} / ${p.readRequests} |`,
      ),
      '',
    ];
  },
  async reminders() {
    const sweep = await sweepBench();
    const rate = await rateBench();
    return [
      '## Reminders',
      '',
      `A sweep over ${sweep.engagements.toLocaleString('en')} engagements on SQLite, each with its own SME, of whom ${sweep.due} have a digest due: ${f(sweep.ms)} ms, ${sweep.sent} digests handed to the notifier, ${sweep.documentsRead} documents read (${f(sweep.documentsRead / sweep.due, 1)} per digest due: the due query finds the people, a members index their engagements; nobody else is read).`,
      '',
      `${rate.digests} digests through the real outbound path to a fake Bot Connector that allows ${rate.allowedPerSecond} requests a second for the app and answers 429 beyond: delivered in ${f(rate.seconds, 2)} s against the ${f(rate.leastSeconds, 1)} s the limit allows, **${f(rate.achieved, 2)}** of the allowed rate (target: at least 0.9); ${rate.throttled} answered 429, ${rate.lost} lost, ${rate.duplicated} duplicated.`,
      '',
    ];
  },
};

async function main(asked: string[]): Promise<void> {
  const unknown = asked.filter((name) => !(name in SECTIONS));
  if (unknown.length)
    throw new Error(`no bench section ${unknown.join(', ')}: try ${Object.keys(SECTIONS).join(', ')}`);
  const connector = await startFakeConnector();
  connector.members = rosterOf(Object.values(people));
  try {
    const lines = [
      LATEST,
      '',
      `Latest run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} cores (shared machine: read the ratios, not the absolute figures). Produced by \`npm run bench\`.`,
      '',
    ];
    for (const [name, section] of Object.entries(SECTIONS)) {
      if (!asked.length || asked.includes(name)) lines.push(...(await section(connector)));
    }
    const report = lines.join('\n');
    console.log(report);
    // Only a whole run replaces the figures in docs/benchmarks.md.
    if (!asked.length) writeFileSync(DOC, `${keptAbove(LATEST)}${report}`);
  } finally {
    await connector.stop();
  }
}

void main(process.argv.slice(2));
