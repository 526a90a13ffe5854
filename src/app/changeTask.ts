import { changeTaskStatus, type TaskChange } from '../domain/transitions';
import type { AuditEvent, Engagement } from '../domain/types';
import { NotFoundError, type EngagementStore, type Versioned } from './ports';
import { retryOnConflict } from './retry';

export interface ChangeTaskDeps {
  store: EngagementStore;
  now: () => Date;
}

/** Reads the engagement, applies the change and writes it back on the etag it read; retried on conflict. */
export async function changeTask(
  deps: ChangeTaskDeps,
  engagementId: string,
  change: TaskChange,
): Promise<{ engagement: Versioned<Engagement>; event: AuditEvent }> {
  return retryOnConflict(async () => {
    const current = await deps.store.get(engagementId);
    if (!current) throw new NotFoundError(engagementId);
    const { engagement, event } = changeTaskStatus(current.value, change, deps.now());
    return { engagement: await deps.store.replace(engagement, current.etag), event };
  });
}
