import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { changeTask } from '../../src/app/changeTask';
import { AUDIT_KEPT } from '../../src/domain/audit';
import { anEngagement, people, T0 } from '../fixtures/engagement';
import { tempDirs } from '../fixtures/tempDirs';
import { engagementStoreContract } from './contract';
import { reminderStoreContract } from './reminderContract';

const tempDir = tempDirs('sqlite-store-');

engagementStoreContract('SQLite', async () => openSqliteStores(tempDir()));
reminderStoreContract('SQLite', async () => openSqliteStores(tempDir()));

describe('SQLite engagement store on disk', () => {
  it('keeps engagements across a restart', async () => {
    const dir = tempDir();
    const engagement = anEngagement();
    const first = openSqliteStores(dir);
    await first.engagements.create(engagement);
    await first.close();
    const second = openSqliteStores(dir);
    expect((await second.engagements.get(engagement.id))?.value).toEqual(engagement);
    await second.close();
  });

  it('reuses a parsed engagement only while it is the one stored, and shares it frozen', async () => {
    const dir = tempDir();
    const engagement = anEngagement();
    const mine = openSqliteStores(dir);
    const other = openSqliteStores(dir);
    await mine.engagements.create(engagement);
    const read = (await mine.engagements.get(engagement.id))!;
    expect(() => Object.assign(read.value, { customerName: 'Changed in place' })).toThrow(TypeError);
    const theirs = (await other.engagements.get(engagement.id))!;
    await other.engagements.replace({ ...theirs.value, customerName: 'Fabrikam', revision: 2 }, theirs.etag);
    expect((await mine.engagements.get(engagement.id))?.value.customerName).toBe('Fabrikam');
    await mine.close();
    await other.close();
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
    const store = openSqliteStores(dir);
    expect((await store.engagements.listByMember(engagement.memberKeys[0]!)).map((e) => e.id)).toEqual([engagement.id]);
    await store.close();
  });

  it("drops the per-task trail index of earlier versions, and still reads one task's history", async () => {
    const dir = tempDir();
    const file = join(dir, 'security-workshops.sqlite');
    let store = openSqliteStores(dir);
    const engagement = anEngagement();
    await store.engagements.create(engagement);
    const flip = (taskId: string, i: number) =>
      changeTask({ store: store.engagements, now: () => T0 }, engagement.id, {
        taskId,
        action: i % 2 ? 'reopen' : 'complete',
        actor: people.sme,
      });
    for (let i = 0; i < 4 * AUDIT_KEPT; i++) await flip(i % 2 ? '2533' : '4084', Math.floor(i / 2));
    await store.close();
    const old = new Database(file);
    old.exec('CREATE INDEX audit_events_task ON audit_events(engagement_id, task_id, seq)');
    old.close();
    const indexes = () => {
      const db = new Database(file, { readonly: true });
      const names = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'audit_events'");
      const found = (names.all() as { name: string }[]).map((r) => r.name);
      db.close();
      return found;
    };
    expect(indexes()).toContain('audit_events_task');

    store = openSqliteStores(dir);
    const trail = await store.engagements.trail(engagement.id, { beforeSeq: 1000, limit: 3, taskId: '2533' });
    await store.close();

    expect(indexes()).not.toContain('audit_events_task');
    expect(trail.map((e) => [e.taskId, e.action])).toEqual([
      ['2533', 'complete'],
      ['2533', 'reopen'],
      ['2533', 'complete'],
    ]);
  });

  it('stores a change and the events it moves to the trail together, or neither', async () => {
    const dir = tempDir();
    const file = join(dir, 'security-workshops.sqlite');
    await openSqliteStores(dir).close();
    // A real failure inside SQLite: inserting the first event into the trail aborts, after the engagement
    // row was updated in the same transaction.
    const setup = new Database(file);
    setup.exec(`CREATE TRIGGER fail_trail BEFORE INSERT ON audit_events WHEN NEW.seq = 1
      BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    setup.close();
    let store = openSqliteStores(dir);
    const engagement = anEngagement();
    await store.engagements.create(engagement);
    const flip = (i: number) =>
      changeTask({ store: store.engagements, now: () => T0 }, engagement.id, {
        taskId: '2533',
        action: i % 2 ? 'reopen' : 'complete',
        actor: people.sme,
      });
    // The setup is the first event, so the document is full after one flip fewer than it keeps.
    const flips = AUDIT_KEPT - 1;
    for (let i = 0; i < flips; i++) await flip(i);
    const before = await store.engagements.get(engagement.id);
    // Checked by message: the error comes from SQLite's native module, outside the test's realm.
    const failure = await flip(flips).then(
      () => 'stored',
      (error: Error) => error.message,
    );
    expect(failure).toBe('disk full');
    expect(await store.engagements.get(engagement.id)).toEqual(before);
    expect(await store.engagements.trail(engagement.id, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 10 })).toEqual([]);
    await store.close();
    const repair = new Database(file);
    repair.exec('DROP TRIGGER fail_trail');
    repair.close();
    store = openSqliteStores(dir);
    await flip(flips);
    const after = (await store.engagements.get(engagement.id))!.value;
    expect(after.revision).toBe(before!.value.revision + 1);
    expect(
      (await store.engagements.trail(engagement.id, { beforeSeq: after.audit[0]!.seq!, limit: 10 })).map((e) => e.seq),
    ).toEqual([1]);
    await store.close();
  });

  it('sees writes made by another connection to the same file', async () => {
    const dir = tempDir();
    const [a, b] = [openSqliteStores(dir), openSqliteStores(dir)];
    const engagement = anEngagement();
    const created = await a.engagements.create(engagement);
    await b.engagements.replace({ ...engagement, customerName: 'Changed by B' }, created.etag);
    expect((await a.engagements.get(engagement.id))?.value.customerName).toBe('Changed by B');
    await Promise.all([a.close(), b.close()]);
  });
});
