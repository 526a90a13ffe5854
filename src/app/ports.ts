import type { Engagement } from '../domain/types';
import type { ReminderStore } from './reminderPorts';

export interface Versioned<T> {
  value: T;
  etag: string;
}

/** The stored engagement's etag no longer matches: someone else wrote first. Re-read and retry. */
export class ConflictError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

export class AlreadyExistsError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} already exists`);
    this.name = 'AlreadyExistsError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/**
 * Where engagements live. One document per engagement (settings, task states and audit trail),
 * so a change and its audit entry are one conditional write.
 */
export interface EngagementStore {
  readonly kind: 'sqlite' | 'cosmos';
  get(id: string): Promise<Versioned<Engagement> | undefined>;
  /** Throws AlreadyExistsError when an engagement with this id exists. */
  create(engagement: Engagement): Promise<Versioned<Engagement>>;
  /** Throws ConflictError when `etag` is stale, NotFoundError when the engagement is gone. */
  replace(engagement: Engagement, etag: string): Promise<Versioned<Engagement>>;
  /** Engagements in which the person with this key (see personKey) holds a role. */
  listByMember(key: string): Promise<Engagement[]>;
  /** Resolves when the store answers; used by the readiness probe. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Everything the bot keeps: engagements and what reminders need. */
export type Store = EngagementStore & ReminderStore;
