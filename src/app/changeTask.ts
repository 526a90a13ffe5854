import { changeTaskStatus, type TaskChange } from '../domain/transitions';
import type { AuditEvent, Engagement } from '../domain/types';
import { mutateEngagement } from './mutate';
import type { UseCaseDeps } from './useCaseDeps';
import type { Versioned } from './versionedWrites';

export async function changeTask(
  deps: UseCaseDeps,
  engagementId: string,
  change: TaskChange,
): Promise<{ engagement: Versioned<Engagement>; event: AuditEvent }> {
  const { engagement, result } = await mutateEngagement(deps.store, engagementId, (current) => {
    const changed = changeTaskStatus(current, change, deps.now());
    return { engagement: changed.engagement, result: changed.event };
  });
  return { engagement, event: result };
}
