import type { EngagementStore } from '../app/ports';
import { withDeadline } from '../deadline';

/** The store did not answer in time; the person gets an apology and nothing is assumed written. */
export class StoreTimeoutError extends Error {
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`the store did not answer ${operation} within ${timeoutMs} ms`);
    this.name = 'StoreTimeoutError';
  }
}

export function withTimeout<T>(work: Promise<T>, timeoutMs: number, operation: string): Promise<T> {
  return withDeadline(work, timeoutMs, () => new StoreTimeoutError(operation, timeoutMs));
}

/**
 * The same store, with a deadline on every call: a database that accepts connections but never answers
 * costs a person a few seconds and an apology, not a minute.
 */
export function withTimeouts(store: EngagementStore, timeoutMs: number): EngagementStore {
  return {
    kind: store.kind,
    get: (id) => withTimeout(store.get(id), timeoutMs, 'get'),
    create: (engagement) => withTimeout(store.create(engagement), timeoutMs, 'create'),
    replace: (engagement, etag) => withTimeout(store.replace(engagement, etag), timeoutMs, 'replace'),
    listByMember: (key) => withTimeout(store.listByMember(key), timeoutMs, 'listByMember'),
    ping: () => withTimeout(store.ping(), timeoutMs, 'ping'),
    close: () => store.close(),
  };
}
