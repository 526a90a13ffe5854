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
  /** CPU time the child process has used so far (user and system), in seconds, from /proc. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

const TSX = pathToFileURL(require.resolve('tsx')).href;

/** Linux counts process CPU time in clock ticks of 1/100 s. */
const TICKS_PER_SECOND = 100;

/**
 * Runs an entry point in its own process, so its memory and CPU are its own: built JavaScript on plain
 * Node, as in production; TypeScript through the tsx loader.
 */
export async function startChild(
  script: string,
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildServer> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      ...(script.endsWith('.ts') ? ['--import', TSX] : []),
      script,
      ...args.map((a) => a.replace('{port}', `${port}`)),
    ],
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
    cpuSeconds() {
      // The fields after the process name (which ends with ')'): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
