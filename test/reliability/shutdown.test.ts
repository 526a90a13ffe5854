import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardAction, channelMessage, rosterOf } from '../fixtures/activities';
import { postActivity, startBotProcess, type BotProcess } from '../fixtures/botProcess';
import { people, seedPlaybook } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { setupInputs } from '../fixtures/setupChannel';
import { until } from './channels';
import { report } from './figures';

jest.setTimeout(60_000);

/** As many as the bot's sockets to the Bot Connector, so every one is seen waiting there. */
const IN_FLIGHT = 32;

let connector: FakeConnector;
let dataDir: string;
let bot: BotProcess | undefined;

beforeEach(async () => {
  connector = await startFakeConnector();
  connector.members = rosterOf(Object.values(people));
  dataDir = mkdtempSync(join(tmpdir(), 'shutdown-'));
});
afterEach(async () => {
  await bot?.kill();
  await connector.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function setUp(env: Record<string, string> = {}): Promise<BotProcess> {
  bot = await startBotProcess({ DATA_DIR: dataDir, ...env });
  const setup = cardAction(connector.serviceUrl, people.manager, 'setup.submit', setupInputs(seedPlaybook));
  expect((await postActivity(bot.url, setup)).status).toBe(200);
  return bot;
}

interface Outcome {
  status: number;
  connection?: string;
  error?: string;
  /** Sent on a connection that had already been answered: one the bot was serving. */
  reused: boolean;
}

/** One request on a keep-alive client: its status and `Connection` header, or the network error's code. */
function keepAliveRequest(agent: Agent, url: string, path: string, body?: object) {
  return new Promise<Outcome>((resolve) => {
    const payload = body && JSON.stringify(body);
    const req = request(`${url}${path}`, {
      agent,
      method: payload ? 'POST' : 'GET',
      headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
    });
    req.once('response', (res) => {
      res.resume();
      res.once('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, reused: req.reusedSocket }),
      );
    });
    req.once('error', (error: Error & { code?: string }) =>
      resolve({ status: 0, error: error.code ?? error.message, reused: req.reusedSocket }),
    );
    req.end(payload);
  });
}

describe('stopping the bot with SIGTERM', () => {
  it('200 keep-alive clients acting through a SIGTERM: no request that reached the bot is reset', async () => {
    const running = await setUp({ SHUTDOWN_DRAIN_MS: '1500', SHUTDOWN_TIMEOUT_MS: '6000' });
    const engagementId = /"engagementId":"(eng-[0-9a-f]+)"/.exec(JSON.stringify(connector.sent))?.[1] ?? '';
    const click = () =>
      cardAction(connector.serviceUrl, people.manager, 'card.refresh', { engagementId, card: 'summary' });
    let signalled = 0;
    let stopping = false;
    const outcomes: (Outcome & { afterSignal: boolean; whileStopping: boolean })[] = [];
    const client = async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        for (let i = 0; i < 60; i++) {
          const [afterSignal, whileStopping] = [signalled > 0, stopping];
          const outcome = await keepAliveRequest(agent, running.url, '/api/messages', click());
          outcomes.push({ ...outcome, afterSignal, whileStopping });
          if (outcome.error) return;
        }
      } finally {
        agent.destroy();
      }
    };
    const clients = Array.from({ length: 200 }, client);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    signalled = Date.now();
    running.child.kill('SIGTERM');
    while (!running.lines.some((l) => l.event === 'shutdown')) await new Promise((resolve) => setTimeout(resolve, 5));
    stopping = true;
    const readiness = await fetch(`${running.url}/readyz`);
    await Promise.all(clients);
    const { code, at } = await running.exited;
    // A request on a connection the bot had answered on reached the bot: none may fail. A new connection
    // the kernel had queued when the listener closed is refused or reset, as on any server that stops.
    const resets = outcomes.filter((o) => o.error && o.reused);
    const atClose = outcomes.filter((o) => o.error && !o.reused);
    expect(readiness.status).toBe(503);
    expect(resets).toEqual([]);
    expect(outcomes.filter((o) => o.afterSignal && o.status === 200).length).toBeGreaterThan(200);
    const answeredWhileStopping = outcomes.filter((o) => o.whileStopping && o.status === 200);
    expect(answeredWhileStopping.length).toBeGreaterThan(0);
    expect(answeredWhileStopping.filter((o) => o.connection !== 'close')).toEqual([]);
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(6500);
    report('SIGTERM with 200 keep-alive clients acting', {
      'answered after SIGTERM': outcomes.filter((o) => o.afterSignal && o.status === 200).length,
      reset: resets.length,
      'new connections refused or reset at the close': atClose.length,
      'exited after (ms)': at - signalled,
    });
  });

  it('requests sent on keep-alive connections 30 ms before SIGTERM are all answered', async () => {
    const running = await setUp();
    const agents = Array.from({ length: 60 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    await Promise.all(agents.map((agent) => keepAliveRequest(agent, running.url, '/healthz')));
    const sent = agents.map((agent) =>
      keepAliveRequest(agent, running.url, '/api/messages', channelMessage(connector.serviceUrl, people.sme, 'help')),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    running.child.kill('SIGTERM');
    const answers = await Promise.all(sent);
    agents.forEach((agent) => agent.destroy());
    expect((await running.exited).code).toBe(0);
    expect(answers.filter((a) => a.error)).toEqual([]);
    expect(answers.map((a) => a.status)).toEqual(Array(60).fill(200));
    report('60 keep-alive requests 30 ms before SIGTERM', {
      answered: answers.filter((a) => a.status === 200).length,
      reset: answers.filter((a) => a.error).length,
    });
  });

  it('lets 32 in-flight requests finish, refuses new connections, and exits 0', async () => {
    const running = await setUp();
    connector.delayMs = 1000;
    const inFlight = Array.from({ length: IN_FLIGHT }, () =>
      postActivity(running.url, channelMessage(connector.serviceUrl, people.manager, 'status')).catch(
        (error: Error & { cause?: { code?: string } }) => ({ status: 0, body: error.cause?.code ?? error.message }),
      ),
    );
    // In flight: the bot is answering every one, its replies held by the connector. (A request still in the
    // listener's backlog when SIGTERM closes it is refused: it never reached the bot.)
    await until(() => connector.delaying() === IN_FLIGHT, 10_000, 'every reply to reach the connector');
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const late = await postActivity(running.url, channelMessage(connector.serviceUrl, people.manager, 'status')).catch(
      (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? error.message,
    );
    const answers = await Promise.all(inFlight);
    const { code, at } = await running.exited;
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    expect(late).toBe('ECONNREFUSED');
    expect(code).toBe(0);
    expect(running.lines.find((l) => l.msg === 'bot stopped')).toMatchObject({ requestsFinished: true });
    report(`SIGTERM with ${IN_FLIGHT} requests in flight`, {
      'answered 200': answers.filter((a) => a.status === 200).length,
      reset: answers.filter((a) => a.status === 0).length,
      'exited after (ms)': at - signalled,
    });
  });

  it('stops at once when idle', async () => {
    const running = await setUp();
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeLessThan(1500);
    report('SIGTERM when idle', { 'exited after (ms)': at - signalled });
  });

  it('a card update that never answers keeps the process no longer than the shutdown deadline', async () => {
    const running = await setUp({ SHUTDOWN_TIMEOUT_MS: '2000', CONNECTOR_TIMEOUT_MS: '60000' });
    connector.hang(() => true);
    const engagementId = /"engagementId":"(eng-[0-9a-f]+)"/.exec(JSON.stringify(connector.sent))?.[1] ?? '';
    const click = cardAction(connector.serviceUrl, people.manager, 'task.complete', { engagementId, taskId: '2533' });
    expect((await postActivity(running.url, click)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(connector.hanging()).toBeGreaterThan(0);
    const signalled = Date.now();
    running.child.kill('SIGTERM');
    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalled).toBeGreaterThanOrEqual(1800);
    expect(at - signalled).toBeLessThan(4000);
    expect(running.lines.filter((l) => l.event === 'outbound.givenUp').length).toBeGreaterThan(0);
    report('SIGTERM with a card update that never answers', { 'exited after (ms)': at - signalled });
  });
});
