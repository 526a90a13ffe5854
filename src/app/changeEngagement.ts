import type { Engagement } from '../domain/types';
import type { UseCaseDeps } from './useCaseDeps';
import { mutateEngagement } from './mutate';
import type { Versioned } from './versionedWrites';

/**
 * Applies one domain change (a pure function of the engagement and the time) and stores it with its
 * audit events; concurrent changes are re-applied on the newer engagement, never lost.
 */
export async function changeEngagement(
  deps: UseCaseDeps,
  engagementId: string,
  change: (current: Engagement, now: Date) => Engagement,
): Promise<Versioned<Engagement>> {
  const { engagement } = await mutateEngagement(deps.store, engagementId, (current) => ({
    engagement: change(current, deps.now()),
    result: undefined,
  }));
  return engagement;
}
