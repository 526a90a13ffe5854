import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Notifier } from '../../src/app/digestDelivery';
import { Digests } from '../../src/app/digests';
import { PeopleDirectory } from '../../src/app/people';
import type { Stores } from '../../src/app/ports';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { CardRenderer } from '../../src/teams/cards/renderer';
import { TeamsNotifier } from '../../src/teams/cards/digestNotifier';
import { BotConnector } from '../../src/teams/outbound/botConnector';
import { ConnectorHttp } from '../../src/teams/outbound/connectorHttp';
import { OutboundQueue } from '../../src/teams/outbound/outboundQueue';
import { APP_LIMITS } from '../../src/teams/outbound/rateLimit';
import { seedOneSmeEach } from '../fixtures/reminderSeed';

export const MONDAY_10 = new Date('2026-11-30T10:00:00Z');
const policy = { leadDays: 5, escalateAfterDays: 3, hour: 9 };
const silent = createLogger('silent');

const READS = /^(get|list|due)/;

/** Counts the documents each read of the stores hands back. */
export function counting(stores: Stores): { stores: Stores; read: () => number } {
  let read = 0;
  const count = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, name) {
        const value: unknown = Reflect.get(object, name);
        if (typeof value !== 'function' || !READS.test(String(name))) return value;
        return async (...args: unknown[]) => {
          const result: unknown = await value.apply(object, args);
          read += Array.isArray(result) ? result.length : result ? 1 : 0;
          return result;
        };
      },
    });
  return {
    stores: { ...stores, engagements: count(stores.engagements), reminders: count(stores.reminders) },
    read: () => read,
  };
}

export function digestsAt(stores: Stores, notifier: Notifier, at = MONDAY_10): Digests {
  const now = () => at;
  const people = new PeopleDirectory({ reminders: stores.reminders, now, policy, defaultTimeZone: 'UTC' });
  return new Digests({
    engagements: stores.engagements,
    reminders: stores.reminders,
    now,
    policy,
    defaultTimeZone: 'UTC',
    claimLeaseMs: 300_000,
    notifier,
    people,
    logger: silent,
  });
}

export interface SweepFigures {
  engagements: number;
  due: number;
  sent: number;
  ms: number;
  documentsRead: number;
}

/** One sweep over 10,000 engagements, 3% of whose people have a digest due. */
export async function sweepBench(): Promise<SweepFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-sweep-'));
  const sqlite = openSqliteStores(dir);
  try {
    const engagements = 10_000;
    const due = 300;
    await seedOneSmeEach(sqlite, { count: engagements, due, serviceUrl: 'http://127.0.0.1:9/', withChats: true });
    const { stores, read } = counting(sqlite);
    let sent = 0;
    const notifier: Notifier = {
      sendDigest: async (person) => ((sent += 1), { conversationId: person.conversationId ?? '' }),
      announceUnreachable: async () => undefined,
      retireCards: async () => undefined,
    };
    const started = performance.now();
    await digestsAt(stores, notifier).sweep();
    return { engagements, due, sent, ms: performance.now() - started, documentsRead: read() };
  } finally {
    await sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface RateFigures {
  digests: number;
  seconds: number;
  /** The least time Teams' limit allows for them: a first second's worth at once, then one second per second's worth. */
  leastSeconds: number;
  allowedPerSecond: number;
  achieved: number;
  throttled: number;
  lost: number;
  duplicated: number;
}

/** A Bot Connector that allows 50 requests a second for the app and answers 429 beyond it, as Teams does. */
async function limitedConnector(perSecond: number) {
  const times: number[] = [];
  const delivered = new Map<string, number>();
  let throttled = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const now = Date.now();
      while (times.length && now - times[0]! >= 1000) times.shift();
      res.setHeader('content-type', 'application/json');
      if (times.length >= perSecond) {
        throttled++;
        res.writeHead(429, { 'retry-after': '1' });
        return void res.end('{"error":{"code":"Throttled"}}');
      }
      times.push(now);
      const chat = decodeURIComponent(/conversations\/([^/]+)\/activities/.exec(req.url ?? '')?.[1] ?? '');
      delivered.set(chat, (delivered.get(chat) ?? 0) + 1);
      res.end('{"id":"m"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    delivered,
    throttled: () => throttled,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** 500 digests through the real outbound path to a connector that enforces Teams' app-wide limit. */
export async function rateBench(): Promise<RateFigures> {
  const allowedPerSecond = APP_LIMITS[0]!.max;
  const connector = await limitedConnector(allowedPerSecond);
  const dir = mkdtempSync(join(tmpdir(), 'bench-rate-'));
  const store = openSqliteStores(dir);
  const http = new ConnectorHttp(async () => undefined, { timeoutMs: 10_000, maxSockets: 32 });
  const queue = new OutboundQueue(silent, new Metrics());
  try {
    const count = 500;
    await seedOneSmeEach(store, { count, due: count, serviceUrl: connector.url, withChats: true });
    const notifier = new TeamsNotifier(new BotConnector(http), queue, new CardRenderer(), '28:bot');
    const started = performance.now();
    await digestsAt(store, notifier).sweep();
    await queue.idle();
    const seconds = (performance.now() - started) / 1000;
    const counts = [...connector.delivered.values()];
    const leastSeconds = (count - allowedPerSecond) / allowedPerSecond;
    return {
      digests: count,
      seconds,
      leastSeconds,
      allowedPerSecond,
      achieved: leastSeconds / seconds,
      throttled: connector.throttled(),
      lost: count - connector.delivered.size,
      duplicated: counts.filter((n) => n > 1).length,
    };
  } finally {
    queue.close();
    http.close();
    await store.close();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
