import { sqliteDataDirFromProcess } from './config';
import { backUpSqlite } from './store/sqliteBackup';

/**
 * `npm run backup -- <file>` (or `node dist/backup.js <file>`): a consistent copy of the embedded database to a
 * new file, safe while the bot runs. To restore it, stop the bot and put the copy in DATA_DIR as
 * security-workshops.sqlite, with that folder's -wal and -shm files removed (README, "Backups").
 */
function main(): void {
  const destination = process.argv[2];
  if (!destination || process.argv.length > 3) {
    console.error('Usage: npm run backup -- <new file>, for example npm run backup -- backups/2026-12-07.sqlite');
    process.exitCode = 2;
    return;
  }
  const backup = backUpSqlite(sqliteDataDirFromProcess(), destination);
  const engagements = `${backup.engagements} engagement${backup.engagements === 1 ? '' : 's'}`;
  console.log(
    `Backed up ${engagements} to ${backup.file} (${Math.ceil(backup.bytes / 1024)} KB); the copy checks whole.`,
  );
}

try {
  main();
} catch (error: unknown) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
