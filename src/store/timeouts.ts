import type { Stores } from '../app/ports';
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

const isPromise = (value: unknown): value is Promise<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === 'function';

/**
 * The same object, with a deadline on every method that returns a promise: each answers within
 * `timeoutMs`, or `slower[name]` for the methods listed there.
 */
export function withDeadlines<T extends object>(
  target: T,
  timeoutMs: number,
  slower: Partial<Record<keyof T, number>> = {},
): T {
  return new Proxy(target, {
    get(object, name, receiver) {
      const value: unknown = Reflect.get(object, name, receiver);
      if (typeof value !== 'function') return value;
      const ms = slower[name as keyof T] ?? timeoutMs;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(object, args);
        return isPromise(result) ? withTimeout(result, ms, String(name)) : result;
      };
    },
  });
}

/**
 * The same stores, with a deadline on every call: a database that accepts connections but never answers
 * costs a person a few seconds and an apology, not a minute. Closing has none: it waits for what is open.
 */
export function withTimeouts(stores: Stores, timeoutMs: number): Stores {
  return {
    kind: stores.kind,
    // One call per stored event on Cosmos DB; if it is cut short, deleting again finishes the job.
    engagements: withDeadlines(stores.engagements, timeoutMs, { delete: timeoutMs * 10, outdated: timeoutMs * 10 }),
    reminders: withDeadlines(stores.reminders, timeoutMs),
    playbooks: withDeadlines(stores.playbooks, timeoutMs),
    ping: () => withTimeout(stores.ping(), timeoutMs, 'ping'),
    close: () => stores.close(),
  };
}
