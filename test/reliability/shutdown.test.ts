import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardAction, channelMessage, rosterOf } from '../fixtures/activities';
import { postActivity, startBotProcess, type BotProcess } from '../fixtures/botProcess';
import { people, seedPlaybook } from '../fixtures/engagement';
import { startFakeConnector, type FakeConnector } from '../fixtures/fakeConnector';
import { setupInputs } from '../fixtures/setupChannel';
import { report } from './figures';

jest.setTimeout(60_000);

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

describe('stopping the bot with SIGTERM', () => {
  it('lets 60 in-flight requests finish, refuses new connections, and exits 0', async () => {
    const running = await setUp();
    connector.delayMs = 1000;
    const inFlight = Array.from({ length: 60 }, () =>
      postActivity(running.url, channelMessage(connector.serviceUrl, people.manager, 'status')).catch(
        (error: Error) => ({ status: 0, body: error.message }),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
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
    report('SIGTERM with 60 requests in flight', {
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
