import type Database from 'better-sqlite3';
import type { PlaybookVersions } from '../app/ports';
import type { Playbook } from '../playbook/types';

/** Every playbook version the bot has loaded, one row each, written once. */
export class SqlitePlaybookVersions implements PlaybookVersions {
  private readonly statements;

  constructor(db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS playbook_versions (
      id TEXT NOT NULL, version TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (id, version)
    ) WITHOUT ROWID`);
    this.statements = {
      keep: db.prepare('INSERT OR IGNORE INTO playbook_versions (id, version, body) VALUES (?, ?, ?)'),
      all: db.prepare<[], { body: string }>('SELECT body FROM playbook_versions ORDER BY id, version'),
    };
  }

  async keep(playbook: Playbook): Promise<void> {
    this.statements.keep.run(playbook.id, playbook.version, JSON.stringify(playbook));
  }

  async all(): Promise<Playbook[]> {
    return this.statements.all.all().map((row) => JSON.parse(row.body) as Playbook);
  }
}
