import { randomUUID } from 'node:crypto';
import { cancelDeletion, consumeDeletion, requestDeletion } from '../domain/deletion';
import type { Engagement, Person } from '../domain/types';
import type { UseCaseDeps } from './useCaseDeps';
import { changeEngagement } from './changeEngagement';

/** The FastTrack Manager asks to delete the engagement; the answer carries the request the card confirms. */
export async function askToDelete(deps: UseCaseDeps, engagementId: string, actor: Person) {
  const id = randomUUID();
  const requested = await changeEngagement(deps, engagementId, (current, now) =>
    requestDeletion(current, actor, id, now),
  );
  return { engagement: requested.value, requestId: id };
}

export async function keepEngagement(deps: UseCaseDeps, engagementId: string, requestId: string, actor: Person) {
  return (await changeEngagement(deps, engagementId, (current, now) => cancelDeletion(current, requestId, actor, now)))
    .value;
}

/**
 * Deletes every piece of the engagement's data the bot stores, its trail included, once the FastTrack
 * Manager who asked confirmed their live request. The request is used up in a conditional write before
 * anything is deleted, so a replayed or concurrent confirmation deletes nothing. Returns what it was, so
 * the caller can tell the channel and log one line.
 */
export async function deleteEngagement(
  deps: UseCaseDeps,
  engagementId: string,
  requestId: string,
  actor: Person,
): Promise<Engagement> {
  const consumed = await changeEngagement(deps, engagementId, (current, now) =>
    consumeDeletion(current, requestId, actor, now),
  );
  await deps.store.delete(engagementId);
  return consumed.value;
}
