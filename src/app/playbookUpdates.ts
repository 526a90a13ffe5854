import { StateError } from '../domain/errors';
import { migrateEngagement } from '../domain/migration';
import { playbookDiff, type PlaybookDiff } from '../domain/playbookDiff';
import type { Engagement, Person } from '../domain/types';
import type { Logger } from '../logger';
import type { Catalog } from '../playbook/catalog';
import { changeEngagement } from './changeEngagement';
import { mutateEngagement } from './mutate';
import type { UseCaseDeps } from './useCaseDeps';
import type { Versioned } from './versionedWrites';

export interface PlaybookUpdateDeps extends UseCaseDeps {
  catalog: Catalog;
}

/** Where the FastTrack Manager is shown what a newer playbook changes: a card in the engagement's channel. */
export type OfferPoster = (engagement: Engagement, diff: PlaybookDiff) => Promise<void>;

/** The difference the newest version of its playbook makes to an engagement, or undefined when it runs on it. */
export function pendingDiff(catalog: Catalog, engagement: Engagement): PlaybookDiff | undefined {
  const newest = catalog.playbook(engagement.playbookId);
  if (!newest || newest.version === engagement.playbookVersion || engagement.completion) return undefined;
  return playbookDiff(engagement, catalog.playbookOf(engagement), newest);
}

/**
 * Marks the newest version as offered to this engagement, with a conditional write: of several instances
 * starting at once, exactly one wins, and only it posts the card. Undefined for the others, and when there
 * is nothing to offer (complete, already on it, already offered).
 */
async function claimOffer(deps: PlaybookUpdateDeps, id: string, version: string): Promise<Engagement | undefined> {
  const { engagement, result } = await mutateEngagement(deps.store, id, (current) => {
    const offered = current.playbookUpdate?.version === version;
    if (current.completion || current.playbookVersion === version || offered)
      return { engagement: current, result: false };
    const playbookUpdate = { version, offeredAt: deps.now().toISOString() };
    return { engagement: { ...current, playbookUpdate }, result: true };
  });
  return result ? engagement.value : undefined;
}

/**
 * At start: every running engagement whose playbook has a newer version gets it offered once, as a card
 * naming what changes for it. Completed engagements never move. Returns how many were offered.
 */
export async function offerPlaybookUpdates(
  deps: PlaybookUpdateDeps,
  post: OfferPoster,
  logger: Logger,
): Promise<number> {
  let offered = 0;
  for (const playbook of deps.catalog.playbooks) {
    for (const id of await deps.store.outdated(playbook.id, playbook.version)) {
      try {
        const engagement = await claimOffer(deps, id, playbook.version);
        const diff = engagement && pendingDiff(deps.catalog, engagement);
        if (!engagement || !diff) continue;
        await post(engagement, diff);
        offered++;
      } catch (error) {
        logger.warn({ err: error, engagementId: id }, 'could not offer the newer playbook');
      }
    }
  }
  return offered;
}

/**
 * The FastTrack Manager applies the version they were shown: one conditional write with one event, which a
 * concurrent change makes retry on the newer engagement, so neither is lost.
 */
export async function applyPlaybookUpdate(
  deps: PlaybookUpdateDeps,
  engagementId: string,
  version: string,
  actor: Person,
  /** What else the same write changes, given the migrated engagement (the adapters' own records). */
  alongside: (migrated: Engagement, diff: PlaybookDiff) => Engagement = (migrated) => migrated,
): Promise<{ engagement: Versioned<Engagement>; diff: PlaybookDiff }> {
  let applied: PlaybookDiff | undefined;
  const engagement = await changeEngagement(deps, engagementId, (current, now) => {
    const newest = deps.catalog.playbook(current.playbookId);
    if (!newest || newest.version !== version)
      throw new StateError('The playbook changed again since this was shown: review the newest changes.');
    applied = playbookDiff(current, deps.catalog.playbookOf(current), newest);
    return alongside(migrateEngagement(current, newest, applied, actor, now), applied);
  });
  return { engagement, diff: applied! };
}
