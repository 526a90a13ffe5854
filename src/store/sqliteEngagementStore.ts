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

/** A replacement whose etag is checked and whose events are written; its document waits for the group's write. */
interface Checked {
  replacement: Replacement;
  /** The etag stored before the group: the one write of the engagement's newest document replaces it. */
  storedEtag: string;
}

const sameKeys = (a: readonly string[], b: readonly string[]): boolean =>
  a === b || (a.length === b.length && a.every((key, i) => key === b[i]));

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
  -- A task's history reads the trail newest first by its primary key and keeps that task's events: the plan
  -- SQLite chose even while databases of earlier versions had this per-task index, which cost every moved
  -- event a page of its own and served no read.
  DROP INDEX IF EXISTS audit_events_task`;

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
  private readonly replaceInSavepoint: (replacement: Replacement, documents: Map<string, Checked>) => boolean;
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
    this.replaceInSavepoint = this.db.transaction((replacement: Replacement, documents: Map<string, Checked>) =>
      this.checkAndMove(replacement, documents),
    );
    this.commitTx = this.db.transaction((batch: Replacement[]) => {
      const documents = new Map<string, Checked>();
      const outcomes = batch.map((replacement) => this.replaceOne(replacement, documents));
      for (const checked of documents.values()) this.writeDocument(checked);
      return outcomes;
    });
  }

  /** The etag is checked first: on a stale one nothing at all is written, moved events included. */
  private checkAndMove(replacement: Replacement, documents: Map<string, Checked>): boolean {
    const { engagement, etag, moved } = replacement;
    const before = documents.get(engagement.id);
    if ((before ? before.replacement.next : this.statements.etag.get(engagement.id)?.etag) !== etag) return false;
    for (const event of moved) {
      this.statements.addEvent.run(engagement.id, event.seq, event.taskId ?? null, JSON.stringify(event));
    }
    documents.set(engagement.id, { replacement, storedEtag: before?.storedEtag ?? etag });
    return true;
  }

  /** The newest document of an engagement in a group, written once over the version stored before the group. */
  private writeDocument({ replacement: { engagement, next }, storedEtag }: Checked): void {
    const { id } = engagement;
    const iso = new Date().toISOString();
    const updated = this.statements.update.run(next, JSON.stringify(engagement), iso, id, storedEtag).changes;
    // The group holds the write lock and checked this etag itself: no other writer can have come between.
    if (updated !== 1) throw new Error(`engagement ${id} changed while its group held the write lock`);
    // The members table was written with the version this one replaces: when that version is the one
    // cached and names the same people, the table already holds them.
    const replaced = this.documents.cached(id, storedEtag)?.value.memberKeys;
    if (!replaced || !sameKeys(replaced, engagement.memberKeys)) this.writeMembers(engagement);
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
   * carries that one's etag, so it fails as a conflict and is retried on what is stored. Several changes
   * of one engagement (clicks on one card) each check their etag and write their events, and the document
   * is written once, at its newest: a 5 KB row rewritten once rather than once per click. The transaction
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

  /**
   * A replacement that moves more than one event writes them in a savepoint, so a refused row takes the
   * others back with it; with one event or none, its one statement is all or nothing already.
   */
  private replaceOne(replacement: Replacement, documents: Map<string, Checked>): Outcome<true> {
    try {
      const checked =
        replacement.moved.length > 1
          ? this.replaceInSavepoint(replacement, documents)
          : this.checkAndMove(replacement, documents);
      if (checked) return { stored: true };
    } catch (error) {
      return { failed: error };
    }
    const { id } = replacement.engagement;
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
