import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEngagementStore } from '../../src/store/sqliteStore';
import { changeTask } from '../../src/app/changeTask';
import { AUDIT_KEPT } from '../../src/domain/audit';
import { anEngagement, people, T0 } from '../fixtures/engagement';
import { engagementStoreContract } from './contract';
import { reminderStoreContract } from './reminderContract';
import { trailStoreContract } from './trailContract';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

engagementStoreContract('SQLite', async () => new SqliteEngagementStore(tempDir()));
reminderStoreContract('SQLite', async () => new SqliteEngagementStore(tempDir()));
trailStoreContract('SQLite', async () => new SqliteEngagementStore(tempDir()), 10_000);

describe('SQLite engagement store on disk', () => {
  it('keeps engagements across a restart', async () => {
    const dir = tempDir();
    const engagement = anEngagement();
    const first = new SqliteEngagementStore(dir);
    await first.create(engagement);
    await first.close();
    const second = new SqliteEngagementStore(dir);
    expect((await second.get(engagement.id))?.value).toEqual(engagement);
    await second.close();
  });

  it('finds the members of engagements written before the members index existed', async () => {
    const dir = tempDir();
    const engagement = anEngagement();
    const old = new Database(join(dir, 'security-workshops.sqlite'));
    old.exec(
      'CREATE TABLE engagements (id TEXT PRIMARY KEY, etag TEXT NOT NULL, body TEXT NOT NULL, updated_at TEXT NOT NULL)',
    );
    old
      .prepare('INSERT INTO engagements VALUES (?, ?, ?, ?)')
      .run(engagement.id, 'e1', JSON.stringify(engagement), 'now');
    old.close();
    const store = new SqliteEngagementStore(dir);
    expect((await store.listByMember(engagement.memberKeys[0]!)).map((e) => e.id)).toEqual([engagement.id]);
    await store.close();
  });

  it('stores a change and the events it moves to the trail together, or neither', async () => {
    const dir = tempDir();
    await new SqliteEngagementStore(dir).close();
    // A real failure inside SQLite, armed by a flag: the insert into the trail fails after the engagement
    // row was updated in the same transaction.
    const other = new Database(join(dir, 'security-workshops.sqlite'));
    other.exec(`CREATE TABLE fault (armed INTEGER NOT NULL); INSERT INTO fault VALUES (0);
      CREATE TRIGGER fail_trail BEFORE INSERT ON audit_events WHEN (SELECT armed FROM fault) = 1
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    const store = new SqliteEngagementStore(dir);
    const engagement = anEngagement();
    await store.create(engagement);
    const deps = { store, now: () => T0 };
    const flip = (i: number) =>
      changeTask(deps, engagement.id, { taskId: '2533', action: i % 2 ? 'reopen' : 'complete', actor: people.sme });
    for (let i = 0; i < AUDIT_KEPT; i++) await flip(i);
    const before = await store.get(engagement.id);
    other.exec('UPDATE fault SET armed = 1');
    await expect(flip(AUDIT_KEPT)).rejects.toThrow('disk full');
    expect(await store.get(engagement.id)).toEqual(before);
    expect(other.prepare('SELECT COUNT(*) AS n FROM audit_events').get()).toEqual({ n: 0 });
    other.exec('UPDATE fault SET armed = 0');
    other.close();
    await flip(AUDIT_KEPT);
    const after = (await store.get(engagement.id))!.value;
    expect(after.revision).toBe(before!.value.revision + 1);
    expect(await store.trail(engagement.id, { beforeSeq: after.audit[0]!.seq!, limit: 10 })).toHaveLength(1);
    await store.close();
  });

  it('sees writes made by another connection to the same file', async () => {
    const dir = tempDir();
    const [a, b] = [new SqliteEngagementStore(dir), new SqliteEngagementStore(dir)];
    const engagement = anEngagement();
    const created = await a.create(engagement);
    await b.replace({ ...engagement, customerName: 'Changed by B' }, created.etag);
    expect((await a.get(engagement.id))?.value.customerName).toBe('Changed by B');
    await Promise.all([a.close(), b.close()]);
  });
});
