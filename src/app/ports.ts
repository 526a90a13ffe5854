import type { AuditEvent, Engagement } from '../domain/types';
import type { Playbook } from '../playbook/types';
import type { ReminderStore } from './reminderPorts';
import type { Versioned } from './versionedWrites';

/** Which of the events moved off an engagement's document to read: newest first. */
export interface TrailQuery {
  /** Only events numbered below this (those still on the document are read from it). */
  beforeSeq: number;
  limit: number;
  /** Only this task's events. */
  taskId?: string;
}

/**
 * Where engagements live. One document per engagement (settings, task states and the newest events of
 * its trail), so a change and its audit event are one conditional write. Older events move to the
 * engagement's trail in the store as the document sheds them, in the same write on SQLite and
 * before it, idempotently, on Cosmos DB (see docs/audit.md).
 */
export interface EngagementStore {
  get(id: string): Promise<Versioned<Engagement> | undefined>;
  /** Throws AlreadyExistsError when an engagement with this id exists. */
  create(engagement: Engagement): Promise<Versioned<Engagement>>;
  /**
   * Throws ConflictError when `etag` is stale, NotFoundError when the engagement is gone. `moved` are the
   * events the document no longer holds (see overflowingEvents): they are kept in the engagement's trail.
   */
  replace(engagement: Engagement, etag: string, moved?: AuditEvent[]): Promise<Versioned<Engagement>>;
  /** Events moved off the engagement's document, newest first. */
  trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]>;
  /** Removes the engagement, the record of who holds its roles, and its whole trail. */
  delete(engagementId: string): Promise<void>;
  /** Engagements in which the person with this key (see personKey) holds a role. */
  listByMember(key: string): Promise<Engagement[]>;
  /** Ids of the engagements of this playbook on another version, not complete: read once per start. */
  outdated(playbookId: string, currentVersion: string): Promise<string[]>;
}

/** Every version of every playbook the bot has loaded, so that an engagement keeps reading its own. */
export interface PlaybookVersions {
  /** Keeps this version; keeping it again changes nothing. */
  keep(playbook: Playbook): Promise<void>;
  all(): Promise<Playbook[]>;
}

/**
 * Everything the bot keeps, in one database: the engagements, and what reminders need. Both stores throw
 * the errors of versionedWrites.
 */
export interface Stores {
  readonly kind: 'sqlite' | 'cosmos';
  readonly engagements: EngagementStore;
  readonly reminders: ReminderStore;
  readonly playbooks: PlaybookVersions;
  /** Resolves when the database answers; used by the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
