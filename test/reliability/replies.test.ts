import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { postActivity, startBotProcess } from '../fixtures/botProcess';
import { people } from '../fixtures/engagement';
import { startFakeConnector } from '../fixtures/fakeConnector';
import { report } from './figures';

jest.setTimeout(30_000);

describe('a reply that Teams refuses', () => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await startHarness({ CONNECTOR_TIMEOUT_MS: '1000' }, { logs: true });
  });
  afterAll(async () => harness.stop());

  it.each([500, 502, 429, 403])(
    'a %i on the reply still answers Teams 200 (a 5xx would make it send the command again) and is logged',
    async (status) => {
      harness.connector.clear();
      harness.connector.failNext({ status });
      const before = harness.logs.length;
      const answer = await harness.post(channelMessage(harness.connector.serviceUrl, people.manager, 'help'));
      expect(answer.status).toBe(200);
      expect(answer.body).toBeUndefined();
      const lines = harness.logs.slice(before);
      expect(lines).toContainEqual(expect.objectContaining({ event: 'reply.failed', status }));
      expect(JSON.stringify(lines)).not.toContain('Security Workshops');
    },
  );
});

describe('a reply that never answers', () => {
  it('costs each request at most the connector deadline, and shutdown stays within its own', async () => {
    const connector = await startFakeConnector();
    const dataDir = mkdtempSync(join(tmpdir(), 'replies-'));
    const bot = await startBotProcess({ DATA_DIR: dataDir, CONNECTOR_TIMEOUT_MS: '1500', SHUTDOWN_TIMEOUT_MS: '2000' });
    try {
      connector.hang(() => true);
      const started = Date.now();
      const answers = await Promise.all(
        Array.from({ length: 40 }, () =>
          postActivity(bot.url, channelMessage(connector.serviceUrl, people.manager, 'help')),
        ),
      );
      const took = Date.now() - started;
      expect(answers.map((a) => a.status)).toEqual(Array(40).fill(200));
      expect(connector.hanging()).toBeLessThanOrEqual(32);
      const pending = Array.from({ length: 40 }, () =>
        postActivity(bot.url, channelMessage(connector.serviceUrl, people.manager, 'help')).catch(() => ({
          status: 0,
          body: '',
        })),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      const signalled = Date.now();
      bot.child.kill('SIGTERM');
      const { code, at } = await bot.exited;
      await Promise.all(pending);
      expect(code).toBe(0);
      expect(at - signalled).toBeLessThan(3000);
      report('replies that never answer', {
        '40 answered 200 within (ms)': took,
        'exited after SIGTERM (ms)': at - signalled,
      });
    } finally {
      await bot.kill();
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
