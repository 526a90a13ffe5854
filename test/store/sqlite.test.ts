import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEngagementStore } from '../../src/store/sqliteStore';
import { anEngagement } from '../fixtures/engagement';
import { engagementStoreContract } from './contract';
import { reminderStoreContract } from './reminderContract';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

engagementStoreContract('SQLite', async () => new SqliteEngagementStore(tempDir()));
reminderStoreContract('SQLite', async () => new SqliteEngagementStore(tempDir()));

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
