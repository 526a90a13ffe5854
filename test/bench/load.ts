import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  failures: number;
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export function post(url: string, body: object): Promise<{ status: number; text: string }> {
  const data = Buffer.from(JSON.stringify(body));
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': data.length },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Sends `total` requests from `workers` concurrent loops; worker w's i-th request is `next(w, i)`.
 * Bounded by count and by `maxSeconds`.
 */
export async function load(
  url: string,
  next: (worker: number, i: number) => object,
  total: number,
  workers: number,
  maxSeconds = 60,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  const deadline = Date.now() + maxSeconds * 1000;
  const started = process.hrtime.bigint();
  const perWorker = Math.ceil(total / workers);
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < perWorker && Date.now() < deadline; i++) {
        const t0 = process.hrtime.bigint();
        const { status, text } = await post(url, next(w, i));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200 || !text.includes('application/vnd.microsoft.card.adaptive')) failures++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    failures,
  };
}
