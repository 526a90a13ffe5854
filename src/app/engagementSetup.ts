import { startEngagement, type NewEngagement } from '../domain/engagement';
import { updateSettings, type EngagementSettings } from '../domain/settings';
import type { CardPost, Engagement, Person } from '../domain/types';
import type { Playbook } from '../playbook/types';
import type { UseCaseDeps } from './changeTask';
import { mutateEngagement } from './mutate';
import { AlreadyExistsError, type Versioned } from './ports';

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
 * Remembers the cards posted for the engagement, replacing earlier posts of the same card; with `endClaim`,
 * also ends the claim taken by claimPosting (or by setup).
 */
export async function recordPosts(
  deps: UseCaseDeps,
  engagementId: string,
  posts: CardPost[],
  endClaim = false,
): Promise<void> {
  await mutateEngagement(deps.store, engagementId, (current) => ({
    engagement: {
      ...current,
      posts: [...current.posts.filter((p) => !posts.some((n) => n.card === p.card)), ...posts],
      ...(endClaim && { postingSince: undefined }),
    },
    result: undefined,
  }));
}
