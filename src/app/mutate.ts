import { overflowingEvents } from '../domain/audit';
import type { Engagement } from '../domain/types';
import { type EngagementStore } from './ports';
import { NotFoundError, type Versioned } from './versionedWrites';
import { retryOnConflict } from './retry';

/**
 * Reads the engagement, applies `change` and writes the result on the etag it read.
 * A conflict re-reads and re-applies, so no concurrent update is lost. A change that returns the engagement
 * it was given writes nothing. Events beyond what the document keeps move to the store's trail in the
 * same write.
 */
export async function mutateEngagement<R>(
  store: EngagementStore,
  id: string,
  change: (current: Engagement) => { engagement: Engagement; result: R },
): Promise<{ engagement: Versioned<Engagement>; result: R }> {
  return retryOnConflict(async () => {
    const current = await store.get(id);
    if (!current) throw new NotFoundError(id);
    const { engagement, result } = change(current.value);
    if (engagement === current.value) return { engagement: current, result };
    const stored = current.value.auditCount ?? current.value.audit.length;
    const changed = { ...engagement, revision: current.value.revision + 1 };
    const { engagement: next, moved } = overflowingEvents(changed, stored);
    return { engagement: await store.replace(next, current.etag, moved), result };
  });
}
