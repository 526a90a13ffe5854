import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { engagementIdFor } from '../../src/domain/engagement';
import { TENANT } from '../fixtures/activities';
import type { FakeConnector } from '../fixtures/fakeConnector';
import { channelOf, setUp, taskAction } from './actions';
import { load, type LoadResult } from './load';
import { startChild } from './processes';

const TRAIL = 10_000;
const ACTIONS = 1500;
const ROUNDS = 3;
const WORKERS = 8;

export interface TrailFigures {
  trail: number;
  fresh: { perSecond: number; bytesPerAction: number; documentBytes: number };
  long: { perSecond: number; bytesPerAction: number; documentBytes: number };
}

/** What the bot writes to SQLite for an engagement: its document, and the events moved to its trail. */
function written(db: Database.Database, engagementId: string): { document: number; trail: number } {
  const doc = db
    .prepare<[string], { n: number }>('SELECT length(body) AS n FROM engagements WHERE id = ?')
    .get(engagementId);
  const trail = db
    .prepare<[string], { n: number | null }>('SELECT SUM(length(body)) AS n FROM audit_events WHERE engagement_id = ?')
    .get(engagementId);
  return { document: doc?.n ?? 0, trail: trail?.n ?? 0 };
}

/**
 * Task actions on a new engagement (no history when each round starts) against one whose trail holds
 * 10,000 events, in alternating rounds on one bot process: throughput, and the bytes each action writes (the engagement
 * document, rewritten whole, plus the events it moves to the trail).
 */
export async function trailBench(bot: string, connector: FakeConnector): Promise<TrailFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-trail-'));
  const child = await startChild(bot, [], { DATA_DIR: dir });
  const db = new Database(join(dir, 'security-workshops.sqlite'), { readonly: true });
  try {
    const long = 30_000;
    const freshOf = (round: number) => 30_001 + round;
    await setUp(child, connector, long);
    const url = `${child.url}/api/messages`;
    const onLong = taskAction(connector, () => long);
    await load(url, onLong, TRAIL, WORKERS);
    const results: { fresh: LoadResult[]; long: LoadResult[] } = { fresh: [], long: [] };
    const bytes = { fresh: 0, long: 0 };
    const measure = async (which: 'fresh' | 'long', act: typeof onLong, n: number) => {
      const id = engagementIdFor(TENANT, channelOf(n));
      const before = written(db, id);
      const result = await load(url, act, ACTIONS / ROUNDS, WORKERS);
      const after = written(db, id);
      results[which].push(result);
      bytes[which] += after.document * result.requests + (after.trail - before.trail);
    };
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts on a new engagement, with no history at all.
      await setUp(child, connector, freshOf(round));
      await measure(
        'fresh',
        taskAction(connector, () => freshOf(round)),
        freshOf(round),
      );
      await measure('long', onLong, long);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const figures = (which: 'fresh' | 'long', n: number) => ({
      perSecond: median(results[which].map((r) => r.perSecond)),
      bytesPerAction: bytes[which] / results[which].reduce((sum, r) => sum + r.requests, 0),
      documentBytes: written(db, engagementIdFor(TENANT, channelOf(n))).document,
    });
    return { trail: TRAIL, fresh: figures('fresh', freshOf(ROUNDS - 1)), long: figures('long', long) };
  } finally {
    db.close();
    await child.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
