import type { EngagementStore } from './ports';

/** What the engagement use cases need: where engagements live, and the clock. */
export interface UseCaseDeps {
  store: EngagementStore;
  now: () => Date;
}
