import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Stores } from '../app/ports';
import { SqliteEngagementStore } from './sqliteEngagementStore';
import { SqlitePlaybookVersions } from './sqlitePlaybookVersions';
import { SqliteReminderStore } from './sqliteReminderStore';

export const SQLITE_FILE = 'security-workshops.sqlite';

/** The embedded database: one SQLite file under DATA_DIR, safe for several processes (WAL). */
export function openSqliteStores(dataDir: string): Stores {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  // In WAL mode NORMAL is durable across a crash of the process; only a power loss can drop the newest
  // commits. FULL would add an fsync to every card action.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  const engagements = new SqliteEngagementStore(db);
  return {
    kind: 'sqlite',
    engagements,
    reminders: new SqliteReminderStore(db),
    playbooks: new SqlitePlaybookVersions(db),
    ping: async () => void db.prepare('SELECT 1').get(),
    close: async () => {
      engagements.flush();
      db.close();
    },
  };
}
