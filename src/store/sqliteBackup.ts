import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from './sqliteStores';

/** A backup that was not taken, for a reason the operator can act on; nothing was written. */
export class BackupRefusedError extends Error {}

export interface Backup {
  file: string;
  bytes: number;
  engagements: number;
}

/**
 * A consistent copy of the embedded database, taken while the bot runs. VACUUM INTO reads one snapshot (a read
 * transaction, which in WAL mode never holds up the bot's writes) and writes it compacted to a new file; the
 * copy is then flushed to disk, which SQLite leaves to the caller, and checked whole.
 */
export function backUpSqlite(dataDir: string, destination: string): Backup {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new BackupRefusedError(`There is no database at ${source}: nothing to back up.`);
  const file = resolve(destination);
  if (existsSync(file)) throw new BackupRefusedError(`${file} already exists: name a new file. Nothing was written.`);
  mkdirSync(dirname(file), { recursive: true });

  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(file);
  } finally {
    db.close();
  }
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }

  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The copy at ${file} failed SQLite's integrity check: ${String(check)}`);
    const engagements = copy.prepare<[], number>('SELECT count(*) FROM engagements').pluck().get() ?? 0;
    return { file, bytes: statSync(file).size, engagements };
  } finally {
    copy.close();
  }
}
