import { execFile } from 'node:child_process';
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { readSqliteDataDir } from '../../src/config';
import { openSqliteStores, SQLITE_FILE } from '../../src/store/sqliteStores';
import { cardAction } from '../fixtures/activities';
import { startHarness } from '../fixtures/botHarness';
import { people, seedPlaybook } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';
import { tempDirs } from '../fixtures/tempDirs';

jest.setTimeout(60_000);

const ROOT = join(__dirname, '../..');
const tempDir = tempDirs('backup-');

/** `npm run backup -- <args>` as an operator runs it, in its own process, with DATA_DIR set. */
async function backup(dataDir: string, ...args: string[]) {
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', tsx, join(ROOT, 'src/backup.ts'), ...args],
      { env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir }, cwd: tempDir() },
    );
    return { status: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { status: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The engagement's revision as committed now, read beside the running bot. */
function revisionIn(dataDir: string): number {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], number>("SELECT json_extract(body, '$.revision') FROM engagements").pluck().get()!;
  } finally {
    db.close();
  }
}

describe('npm run backup', () => {
  it("copies the database while the bot takes clicks: the copy opens as the bot's store, whole and consistent", async () => {
    const dataDir = tempDir();
    const harness = await startHarness({ DATA_DIR: dataDir });
    const copyFile = join(tempDir(), 'copy.sqlite');
    let stopped: Promise<void> | undefined;
    const stop = () => (stopped ??= harness.stop());
    let clicks = 0;
    let copying = true;
    try {
      await setUpChannel(harness);
      const engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)![1]!;
      const tasks = seedPlaybook.workshops.flatMap((w) => w.tasks.map((t) => t.id)).slice(0, 4);
      // Each person keeps clicking while the copy is taken, and ten times more after it.
      const clicking = tasks.map(async (taskId) => {
        let after = 0;
        for (let i = 0; copying || after++ < 10; i++) {
          const verb = i % 2 ? 'task.reopen' : 'task.complete';
          const answer = await harness.post(
            cardAction(harness.connector.serviceUrl, people.manager, verb, { engagementId, taskId }),
          );
          expect(answer.status).toBe(200);
          clicks++;
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = clicks;
      const committedBefore = revisionIn(dataDir);
      const taken = await backup(dataDir, copyFile);
      const during = clicks - before;
      copying = false;
      await Promise.all(clicking);
      await stop();

      expect(taken).toMatchObject({ status: 0, stderr: '' });
      expect(taken.stdout).toMatch(/^Backed up 1 engagement to .*copy\.sqlite \(\d+ KB\); the copy checks whole\.\n$/);
      expect(during).toBeGreaterThan(0);

      const live = openSqliteStores(dataDir);
      const final = (await live.engagements.get(engagementId))!.value;
      await live.close();
      const restored = tempDir();
      renameSync(copyFile, join(restored, SQLITE_FILE));
      const stores = openSqliteStores(restored);
      const { value: copy } = (await stores.engagements.get(engagementId))!;
      const older = await stores.engagements.trail(engagementId, { beforeSeq: copy.audit[0]!.seq!, limit: 10_000 });
      const seqs = [...older.reverse(), ...copy.audit].map((event) => event.seq);
      await stores.close();
      // One snapshot: every event up to the document's newest, none missing, none from after it.
      expect(seqs).toEqual(Array.from({ length: copy.auditCount! }, (_, i) => i + 1));
      // Every change committed before the copy began is in it (a copy of the file alone would miss those
      // still in the write-ahead log).
      expect(copy.revision).toBeGreaterThanOrEqual(committedBefore);
      expect(copy.revision).toBeLessThanOrEqual(final.revision - 40);
      expect(final.auditCount).toBe(copy.auditCount! + (final.revision - copy.revision));
    } finally {
      copying = false;
      await stop();
    }
  });

  it('refuses, in one line and writing nothing, a file that exists or an empty DATA_DIR; makes a missing folder', async () => {
    const dataDir = tempDir();
    const stores = openSqliteStores(dataDir);
    await stores.close();
    const existing = join(tempDir(), 'taken.sqlite');
    writeFileSync(existing, 'an earlier backup');

    const exists = await backup(dataDir, existing);
    expect(exists).toMatchObject({ status: 1, stdout: '' });
    expect(exists.stderr).toBe(`${existing} already exists: name a new file. Nothing was written.\n`);

    const intoNewFolder = join(tempDir(), 'backups', 'copy.sqlite');
    await expect(backup(dataDir, intoNewFolder)).resolves.toMatchObject({ status: 0, stderr: '' });
    expect(existsSync(intoNewFolder)).toBe(true);

    const empty = tempDir();
    const nothing = await backup(empty, join(tempDir(), 'copy.sqlite'));
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toBe(`There is no database at ${join(empty, SQLITE_FILE)}: nothing to back up.\n`);
    expect(readdirSync(empty)).toEqual([]);

    const usage = await backup(dataDir);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toMatch(/^Usage: npm run backup -- <new file>/);
  });

  it('is refused when the bot keeps its data in Cosmos DB', () => {
    expect(() => readSqliteDataDir({ COSMOS_ENDPOINT: 'https://account.documents.azure.com' })).toThrow(
      'the data is in Cosmos DB, whose backups Azure takes',
    );
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    expect(readSqliteDataDir({ DATA_DIR: join(dir, 'data') })).toBe(join(dir, 'data'));
    expect(existsSync(join(dir, 'data', SQLITE_FILE))).toBe(false);
  });
});
