import { setTimeout as sleep } from 'node:timers/promises';
import { ConflictError } from './versionedWrites';

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export const CONFLICT_RETRY: RetryPolicy = { attempts: 40, baseDelayMs: 2 };

/** Runs a read-modify-write until it wins the optimistic-concurrency race, backing off with jitter. */
export async function retryOnConflict<T>(work: () => Promise<T>, policy: RetryPolicy = CONFLICT_RETRY): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ConflictError) || attempt >= policy.attempts) throw error;
      const ceiling = policy.baseDelayMs * 2 ** Math.min(attempt, 6);
      await sleep(Math.random() * ceiling);
    }
  }
}
