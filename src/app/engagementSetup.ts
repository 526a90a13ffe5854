import { startEngagement, type NewEngagement } from '../domain/engagement';
import { updateSettings } from '../domain/settings';
import type { CardPost, Engagement, EngagementSettings, Person } from '../domain/types';
import type { Playbook } from '../playbook/types';
import type { UseCaseDeps } from './useCaseDeps';
import { mutateEngagement } from './mutate';
import { AlreadyExistsError, type Versioned } from './versionedWrites';

/** Creates the channel's engagement; a second setup of the same channel returns the first one. */
export async function setUpEngagement(
  deps: UseCaseDeps,
  playbook: Playbook,
  input: NewEngagement,
): Promise<{ engagement: Versioned<Engagement>; created: boolean }> {
  const engagement = { ...startEngagement(playbook, input, deps.now()), postingSince: deps.now().toISOString() };
  try {
    return { engagement: await deps.store.create(engagement), created: true };
  } catch (error) {
    if (!(error instanceof AlreadyExistsError)) throw error;
    const existing = await deps.store.get(engagement.id);
    if (!existing) throw error;
    return { engagement: existing, created: false };
  }
}

export async function saveSettings(
  deps: UseCaseDeps,
  playbook: Playbook,
  engagementId: string,
  settings: EngagementSettings,
  actor: Person,
): Promise<Versioned<Engagement>> {
  const { engagement } = await mutateEngagement(deps.store, engagementId, (current) => ({
    engagement: updateSettings(current, playbook, settings, actor, deps.now()),
    result: undefined,
  }));
  return engagement;
}

/** A claim to post an engagement's cards lapses after this, in case its holder died while posting. */
export const POSTING_CLAIM_MS = 60_000;

/**
 * Claims the posting of an engagement's cards: false while someone else (setup, another command, another
 * bot instance) is posting them, so two people never post the same cards twice.
 */
export async function claimPosting(deps: UseCaseDeps, engagementId: string): Promise<boolean> {
  const now = deps.now();
  const { result } = await mutateEngagement(deps.store, engagementId, (current) => {
    const since = current.postingSince ? Date.parse(current.postingSince) : NaN;
    if (now.getTime() - since < POSTING_CLAIM_MS) return { engagement: current, result: false };
    return { engagement: { ...current, postingSince: now.toISOString() }, result: true };
  });
  return result;
}

/**
 * How many copies of each card are kept current. A thread usually holds the copy setup posted and a few
 * posted again by `workshops` or `status`; beyond this, the oldest copy is replaced by a pointer to the
 * newest, so the number of copies updated per change stays bounded.
 */
export const COPIES_KEPT = 3;

/**
 * Remembers the cards posted for the engagement, next to the copies posted before, and returns the copies
 * no longer kept current (see COPIES_KEPT); with `endClaim`, also ends the claim taken by claimPosting (or
 * by setup).
 */
export async function recordPosts(
  deps: UseCaseDeps,
  engagementId: string,
  posts: CardPost[],
  endClaim = false,
): Promise<CardPost[]> {
  const { result } = await mutateEngagement(deps.store, engagementId, (current) => {
    const all = [...current.posts, ...posts];
    const kept = all.filter((p, i) => all.slice(i + 1).filter((q) => q.card === p.card).length < COPIES_KEPT);
    return {
      engagement: { ...current, posts: kept, ...(endClaim && { postingSince: undefined }) },
      result: all.filter((p) => !kept.includes(p)),
    };
  });
  return result;
}
