import type { Store } from '../app/ports';
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
export function withTimeouts(store: Store, timeoutMs: number): Store {
  const timed =
    <A extends unknown[], R>(operation: string, call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      withTimeout(call(...args), timeoutMs, operation);
  return {
    kind: store.kind,
    get: timed('get', (id) => store.get(id)),
    create: timed('create', (engagement) => store.create(engagement)),
    replace: timed('replace', (engagement, etag, moved) => store.replace(engagement, etag, moved)),
    trail: timed('trail', (engagementId, query) => store.trail(engagementId, query)),
    // One call per stored event on Cosmos DB; if it is cut short, deleting again finishes the job.
    delete: (engagementId) => withTimeout(store.delete(engagementId), timeoutMs * 10, 'delete'),
    listByMember: timed('listByMember', (key) => store.listByMember(key)),
    getPerson: timed('getPerson', (key) => store.getPerson(key)),
    createPerson: timed('createPerson', (record) => store.createPerson(record)),
    replacePerson: timed('replacePerson', (record, etag) => store.replacePerson(record, etag)),
    duePeople: timed('duePeople', (now, limit) => store.duePeople(now, limit)),
    getSends: timed('getSends', (id) => store.getSends(id)),
    createSends: timed('createSends', (record) => store.createSends(record)),
    replaceSends: timed('replaceSends', (record, etag) => store.replaceSends(record, etag)),
    ping: timed('ping', () => store.ping()),
    close: () => store.close(),
  };
}
