import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const CLI = require.resolve('@microsoft/m365agentsplayground/cli.js');
const PRELOAD = join(__dirname, 'listen-loopback.cjs');

export interface Playground {
  url: string;
  port: number;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** A port the OS says is free on 127.0.0.1 right now. */
export async function freePort(preferred = 0): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() => resolve(typeof address === 'object' && address ? address.port : port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

async function waitForPing(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the Playground exited with code ${child.exitCode}`);
    const pong = await fetch(`${url}/_debug/ping`)
      .then((r) => r.text())
      .catch(() => '');
    if (pong.includes('pong')) return;
    await sleep(200);
  }
  throw new Error(`the Playground did not answer at ${url} within ${timeoutMs} ms`);
}

/** Starts the Microsoft 365 Agents Playground on loopback, pointed at the bot's messaging endpoint. */
export async function startPlayground(
  botEndpoint: string,
  options: { port?: number; cwd?: string } = {},
): Promise<Playground> {
  const port = await freePort(options.port ?? 0);
  const url = `http://127.0.0.1:${port}`;
  const args = ['-r', PRELOAD, CLI, 'start', '--app-endpoint', botEndpoint, '--channel-id', 'msteams'];
  args.push('--port', String(port), '--service-url', `${url}/_connector`, '--disable-telemetry');
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const killer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForPing(url, child, 30000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { url, port, process: child, output: () => output, stop };
}
