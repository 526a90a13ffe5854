import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { type EngagementStore, type TrailQuery } from '../app/ports';
import { AlreadyExistsError, ConflictError, NotFoundError, type Versioned } from '../app/versionedWrites';
import type { AuditEvent, Engagement } from '../domain/types';
import { deepFreeze } from '../deepFreeze';
import { DocumentCache } from './documentCache';
import { GroupCommit, type Outcome } from './groupCommit';

interface Row {
  etag: string;
  body: string;
}

interface Replacement {
  engagement: Engagement;
  etag: string;
  next: string;
  moved: AuditEvent[];
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS engagements (
    id TEXT PRIMARY KEY,
    etag TEXT NOT NULL,
    body TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  -- Who holds a role where, kept with each write, so "my engagements" is an index lookup, not a scan.
  CREATE TABLE IF NOT EXISTS members (
    key TEXT NOT NULL,
    engagement_id TEXT NOT NULL,
    PRIMARY KEY (key, engagement_id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS members_engagement ON members(engagement_id);
  -- The events an engagement's document no longer holds, written in the transaction that sheds them.
  CREATE TABLE IF NOT EXISTS audit_events (
    engagement_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    task_id TEXT,
    body TEXT NOT NULL,
    PRIMARY KEY (engagement_id, seq)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS audit_events_task ON audit_events(engagement_id, task_id, seq)`;

/** Fills the members table of a database written before it existed; a no-op once filled. */
const BACKFILL_MEMBERS = `
  INSERT OR IGNORE INTO members (key, engagement_id)
  SELECT m.value, e.id FROM engagements e, json_each(e.body, '$.memberKeys') m
  WHERE NOT EXISTS (SELECT 1 FROM members LIMIT 1)`;

/** Engagements, who holds their roles, and their trails, in the embedded database (see sqliteStores). */
export class SqliteEngagementStore implements EngagementStore {
  private readonly statements;
  private readonly documents = new DocumentCache<Engagement>();
  /** The newest version of each engagement whose write waits for its commit: the next change builds on it. */
  private readonly queued = new Map<string, Versioned<Engagement>>();
  private readonly replacements = new GroupCommit<Replacement, Versioned<Engagement>>((batch) => this.commit(batch));
  private readonly writeMembers: (engagement: Engagement) => void;
  private readonly replaceTx: (engagement: Engagement, etag: string, next: string, moved: AuditEvent[]) => number;
  private readonly commitTx: Database.Transaction<(batch: Replacement[]) => Outcome<true>[]>;

  constructor(private readonly db: Database.Database) {
    this.db.exec(SCHEMA);
    this.db.exec(BACKFILL_MEMBERS);
    this.statements = {
      etag: this.db.prepare<[string], { etag: string }>('SELECT etag FROM engagements WHERE id = ?'),
      get: this.db.prepare<[string], Row>('SELECT etag, body FROM engagements WHERE id = ?'),
      insert: this.db.prepare('INSERT INTO engagements (id, etag, body, updated_at) VALUES (?, ?, ?, ?)'),
      update: this.db.prepare('UPDATE engagements SET etag = ?, body = ?, updated_at = ? WHERE id = ? AND etag = ?'),
      exists: this.db.prepare<[string], { found: number }>('SELECT 1 AS found FROM engagements WHERE id = ?'),
      byMember: this.db.prepare<[string], { body: string }>(
        `SELECT e.body FROM members m JOIN engagements e ON e.id = m.engagement_id WHERE m.key = ? ORDER BY e.id`,
      ),
      forgetMembers: this.db.prepare('DELETE FROM members WHERE engagement_id = ?'),
      membersOf: this.db.prepare<[string], { key: string }>('SELECT key FROM members WHERE engagement_id = ?'),
      addMember: this.db.prepare('INSERT OR IGNORE INTO members (key, engagement_id) VALUES (?, ?)'),
      addEvent: this.db.prepare('INSERT INTO audit_events (engagement_id, seq, task_id, body) VALUES (?, ?, ?, ?)'),
      trail: this.db.prepare<[string, number, number], { body: string }>(
        'SELECT body FROM audit_events WHERE engagement_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
      ),
      taskTrail: this.db.prepare<[string, string, number, number], { body: string }>(
        `SELECT body FROM audit_events WHERE engagement_id = ? AND task_id = ? AND seq < ?
         ORDER BY seq DESC LIMIT ?`,
      ),
      deleteEngagement: this.db.prepare('DELETE FROM engagements WHERE id = ?'),
      outdated: this.db.prepare<[string, string], { id: string }>(
        `SELECT id FROM engagements WHERE json_extract(body, '$.playbookId') = ?
         AND json_extract(body, '$.playbookVersion') <> ? AND json_extract(body, '$.completion') IS NULL`,
      ),
      deleteTrail: this.db.prepare('DELETE FROM audit_events WHERE engagement_id = ?'),
    };
    this.writeMembers = this.db.transaction((engagement: Engagement) => {
      if (this.sameMembers(engagement)) return;
      this.statements.forgetMembers.run(engagement.id);
      for (const key of engagement.memberKeys) this.statements.addMember.run(key, engagement.id);
    });
    // The update goes first: on a stale etag nothing at all is written, moved events included.
    this.replaceTx = this.db.transaction((engagement: Engagement, etag: string, next: string, moved: AuditEvent[]) => {
      const { update, addEvent } = this.statements;
      const updated = update.run(
        next,
        JSON.stringify(engagement),
        new Date().toISOString(),
        engagement.id,
        etag,
      ).changes;
      if (updated === 0) return 0;
      for (const event of moved) addEvent.run(engagement.id, event.seq, event.taskId ?? null, JSON.stringify(event));
      this.writeMembers(engagement);
      return updated;
    });
    this.commitTx = this.db.transaction((batch: Replacement[]) => batch.map((r) => this.replaceOne(r)));
  }

  /** Most changes leave the people as they were: then the members index needs no write. */
  private sameMembers(engagement: Engagement): boolean {
    const stored = this.statements.membersOf.all(engagement.id).map((row) => row.key);
    const wanted = new Set(engagement.memberKeys);
    return stored.length === wanted.size && stored.every((key) => wanted.has(key));
  }

  async get(id: string): Promise<Versioned<Engagement> | undefined> {
    const queued = this.queued.get(id);
    if (queued) return queued;
    const current = this.statements.etag.get(id);
    const cached = current && this.documents.cached(id, current.etag);
    if (cached) return cached;
    const row = this.statements.get.get(id);
    return row && this.documents.wrote(id, JSON.parse(row.body) as Engagement, row.etag);
  }

  async create(engagement: Engagement): Promise<Versioned<Engagement>> {
    const etag = randomUUID();
    try {
      this.db.transaction(() => {
        this.statements.insert.run(engagement.id, etag, JSON.stringify(engagement), new Date().toISOString());
        this.writeMembers(engagement);
      })();
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
        throw new AlreadyExistsError(engagement.id);
      throw error;
    }
    return this.documents.wrote(engagement.id, engagement, etag);
  }

  replace(engagement: Engagement, etag: string, moved: AuditEvent[] = []): Promise<Versioned<Engagement>> {
    const next = randomUUID();
    this.queued.set(engagement.id, { value: deepFreeze(engagement), etag: next });
    return this.replacements.submit({ engagement, etag, next, moved });
  }

  /** Commits the replacements queued now; the store calls it before the database closes. */
  flush(): void {
    this.replacements.flush();
  }

  /**
   * The replacements of one turn in one transaction, each in its own savepoint: one that fails (a stale
   * etag, a trail row refused) writes nothing and fails alone. A write queued on top of one that failed
   * carries that one's etag, so it fails as a conflict and is retried on what is stored. The transaction
   * takes the write lock first (IMMEDIATE): while another process holds it, the group waits once, up to the
   * busy timeout, and fails whole, rather than each write waiting in turn.
   */
  private commit(batch: Replacement[]): Outcome<Versioned<Engagement>>[] {
    let outcomes: Outcome<true>[] = [];
    try {
      outcomes = this.commitTx.immediate(batch);
    } finally {
      batch.forEach(({ engagement, next }, i) => {
        if (!outcomes[i] || 'failed' in outcomes[i]! || this.queued.get(engagement.id)?.etag === next)
          this.queued.delete(engagement.id);
      });
    }
    return batch.map(({ engagement, next }, i) => {
      const outcome = outcomes[i]!;
      return 'failed' in outcome ? outcome : { stored: this.documents.wrote(engagement.id, engagement, next) };
    });
  }

  private replaceOne({ engagement, etag, next, moved }: Replacement): Outcome<true> {
    try {
      if (this.replaceTx(engagement, etag, next, moved) > 0) return { stored: true };
    } catch (error) {
      return { failed: error };
    }
    const { id } = engagement;
    return { failed: this.statements.exists.get(id) ? new ConflictError(id) : new NotFoundError(id) };
  }

  async trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    const rows = query.taskId
      ? this.statements.taskTrail.all(engagementId, query.taskId, query.beforeSeq, query.limit)
      : this.statements.trail.all(engagementId, query.beforeSeq, query.limit);
    return rows.map((row) => JSON.parse(row.body) as AuditEvent);
  }

  async delete(engagementId: string): Promise<void> {
    this.queued.delete(engagementId);
    this.documents.forget(engagementId);
    this.db.transaction(() => {
      this.statements.deleteTrail.run(engagementId);
      this.statements.forgetMembers.run(engagementId);
      this.statements.deleteEngagement.run(engagementId);
    })();
  }

  /** One scan of the table, once per start: an index would cost every write for a read this rare. */
  async outdated(playbookId: string, currentVersion: string): Promise<string[]> {
    return this.statements.outdated.all(playbookId, currentVersion).map((row) => row.id);
  }

  async listByMember(key: string): Promise<Engagement[]> {
    return this.statements.byMember.all(key).map((row) => JSON.parse(row.body) as Engagement);
  }
}
