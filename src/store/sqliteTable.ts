import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AlreadyExistsError, ConflictError, NotFoundError, type Versioned } from '../app/versionedWrites';

interface Row {
  etag: string;
  body: string;
}

/**
 * A table of JSON documents with etags, for the reminder records: created once, replaced on the etag read.
 * `indexed` names extra columns kept from the document, so that queries use an index, not the JSON.
 */
export class SqliteTable<T> {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly idOf: (doc: T) => string,
    private readonly indexed: Record<string, (doc: T) => string> = {},
  ) {
    const columns = Object.keys(indexed);
    db.exec(
      `CREATE TABLE IF NOT EXISTS ${table} (id TEXT PRIMARY KEY, etag TEXT NOT NULL, body TEXT NOT NULL${columns
        .map((c) => `, ${c} TEXT NOT NULL`)
        .join('')})`,
    );
    for (const column of columns) db.exec(`CREATE INDEX IF NOT EXISTS ${table}_${column} ON ${table}(${column})`);
    const sets = columns.map((c) => `, ${c} = @${c}`).join('');
    this.statements = {
      get: db.prepare<[string], Row>(`SELECT etag, body FROM ${table} WHERE id = ?`),
      getMany: db.prepare<[string], Row>(
        `SELECT etag, body FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
      ),
      insert: db.prepare(
        `INSERT INTO ${table} (id, etag, body${columns.map((c) => `, ${c}`).join('')})
         VALUES (@id, @etag, @body${columns.map((c) => `, @${c}`).join('')})`,
      ),
      update: db.prepare(`UPDATE ${table} SET etag = @etag, body = @body${sets} WHERE id = @id AND etag = @expected`),
      exists: db.prepare<[string], { found: number }>(`SELECT 1 AS found FROM ${table} WHERE id = ?`),
    };
  }

  get(id: string): Versioned<T> | undefined {
    const row = this.statements.get.get(id);
    return row && { value: JSON.parse(row.body) as T, etag: row.etag };
  }

  getMany(ids: string[]): Versioned<T>[] {
    return this.statements.getMany
      .all(JSON.stringify(ids))
      .map((row) => ({ value: JSON.parse(row.body) as T, etag: row.etag }));
  }

  create(doc: T): Versioned<T> {
    const etag = randomUUID();
    try {
      this.statements.insert.run(this.params(doc, etag));
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw new AlreadyExistsError(this.idOf(doc));
      throw error;
    }
    return { value: doc, etag };
  }

  replace(doc: T, expected: string): Versioned<T> {
    const etag = randomUUID();
    if (this.statements.update.run({ ...this.params(doc, etag), expected }).changes === 0) {
      if (this.statements.exists.get(this.idOf(doc))) throw new ConflictError(this.idOf(doc));
      throw new NotFoundError(this.idOf(doc));
    }
    return { value: doc, etag };
  }

  /** Documents whose `column` is at most `value`, smallest first. */
  atMost(column: string, value: string, limit: number): Versioned<T>[] {
    if (!(column in this.indexed)) throw new Error(`${this.table}.${column} is not indexed`);
    return this.db
      .prepare<[string, number], Row>(
        `SELECT etag, body FROM ${this.table} WHERE ${column} <= ? ORDER BY ${column} LIMIT ?`,
      )
      .all(value, limit)
      .map((row) => ({ value: JSON.parse(row.body) as T, etag: row.etag }));
  }

  private params(doc: T, etag: string): Record<string, string> {
    const extra = Object.fromEntries(Object.entries(this.indexed).map(([c, read]) => [c, read(doc)]));
    return { id: this.idOf(doc), etag, body: JSON.stringify(doc), ...extra };
  }
}
