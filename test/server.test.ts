import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Stores } from '../src/app/ports';
import { createLogger } from '../src/logger';
import { createServer } from '../src/server';

const ROOT = join(__dirname, '..');

describe('readiness', () => {
  it('answers 503 as soon as the bot is stopping, so that traffic moves away', async () => {
    const store = { kind: 'sqlite', ping: () => Promise.resolve() } as unknown as Stores;
    let draining = false;
    const server = createServer({
      messages: async () => undefined,
      store,
      logger: createLogger('silent'),
      draining: () => draining,
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
      draining = true;
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'stopping', store: 'sqlite' });
    } finally {
      server.close();
    }
  });

  it('answers 503 when the store cannot be reached', async () => {
    const unreachable = {
      kind: 'cosmos',
      ping: () => Promise.reject(new Error('ECONNREFUSED')),
    } as unknown as Stores;
    const server = createServer({
      messages: async () => undefined,
      store: unreachable,
      logger: createLogger('silent'),
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'unavailable', store: 'cosmos' });
    } finally {
      server.close();
    }
  });
});

/** Every non-empty line of the output, parsed: a line that is not JSON fails the test. */
const structuredLines = (output: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('starting the bot process', () => {
  const start = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20000,
    });

  it('refuses to start in production without bot credentials, saying which variable is missing', () => {
    const result = start({ NODE_ENV: 'production', PORT: '0' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppId is required in production');
  });

  it('never prints a secret it was given, even when it refuses to start', () => {
    const result = start({
      NODE_ENV: 'production',
      MicrosoftAppId: 'id',
      MicrosoftAppPassword: 'hunter2-secret',
      PORT: 'x',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('MicrosoftAppTenantId is required');
    expect(result.stderr + result.stdout).not.toContain('hunter2-secret');
  });

  it('does not start on a broken playbook, naming the file and line', () => {
    const result = start({ PLAYBOOKS_DIR: join(ROOT, 'test/fixtures/broken-playbooks'), PORT: '0' });
    expect(result.status).toBe(1);
    const fatal = structuredLines(result.stderr).find((l) => l.level === 60) as { err?: { message?: string } };
    expect(fatal.err?.message).toMatch(/broken\.md:\d+: "Maybe" is not a Mandatory\/Optional marker \(M or O\)/);
  });

  it('writes only structured log lines, Node warnings included', () => {
    const result = start({ NODE_ENV: 'production', PORT: '0', PUBLIC_URL: 'https://bot.example.com' });
    const lines = structuredLines(result.stderr + result.stdout);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((l) => l.msg)).toContain(
      'Invalid configuration:\n  - REPORT_SIGNING_KEY is required in production: 32 bytes or more, base64 (openssl rand -base64 48)\n  - MicrosoftAppId is required in production: the bot will not run without credentials',
    );
  });
});
