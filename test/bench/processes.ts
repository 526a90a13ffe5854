import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { freePort } from '../../src/devtools/playground';

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** Resident memory of the child process, in MiB, from /proc. */
  rssMiB(): number;
  stop(): Promise<void>;
}

const TSX = pathToFileURL(require.resolve('tsx')).href;

/** Runs an entry point (built JavaScript, or TypeScript through tsx) in its own process, so its memory and CPU are its own. */
export async function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', TSX, script, ...args.map((a) => a.replace('{port}', `${port}`))],
    {
      env: { PATH: process.env.PATH ?? '', PORT: `${port}`, LOG_LEVEL: 'error', ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`);
    if (
      await fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await sleep(100);
  }
  return {
    url,
    child,
    rssMiB() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
