import { withEvents } from './audit';
import { ForbiddenActorError, StateError } from './errors';
import { holdsRole, MANAGER_ROLE, samePerson } from './people';
import type { Engagement, Person } from './types';

/** How long a deletion request can be confirmed. */
export const DELETION_REQUEST_MS = 15 * 60_000;

export const DELETION_NOT_OPEN =
  'This deletion request is no longer open: it was used, cancelled, replaced or has expired. Nothing was deleted.';

/** Only the engagement's FastTrack Manager deletes its data. */
export function checkMayDelete(engagement: Engagement, actor: Person): void {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
}

/**
 * The FastTrack Manager asks to delete the engagement's data: a request, single use, that only they can
 * confirm, within DELETION_REQUEST_MS. `id` is unguessable (the use case draws it); a newer request replaces
 * an older one.
 */
export function requestDeletion(engagement: Engagement, actor: Person, id: string, now: Date): Engagement {
  checkMayDelete(engagement, actor);
  const at = now.toISOString();
  const expiresAt = new Date(now.getTime() + DELETION_REQUEST_MS).toISOString();
  return withEvents({ ...engagement, deletionRequest: { id, by: actor, at, expiresAt } }, [
    { at, actor, action: 'deletionRequested', subject: engagement.customerName, after: 'awaiting confirmation' },
  ]);
}

/** The live request with this id, asked by this person; StateError for any other. */
function liveRequest(engagement: Engagement, id: string, actor: Person, now: Date) {
  const request = engagement.deletionRequest;
  const live = request && request.id === id && Date.parse(request.expiresAt) > now.getTime();
  if (!request || !live || !samePerson(request.by, actor)) throw new StateError(DELETION_NOT_OPEN);
  return request;
}

/**
 * Uses the request up before anything is deleted, in one conditional write: a replayed, cancelled, expired
 * or someone else's request is refused, and two clicks cannot both go ahead.
 */
export function consumeDeletion(engagement: Engagement, id: string, actor: Person, now: Date): Engagement {
  checkMayDelete(engagement, actor);
  liveRequest(engagement, id, actor, now);
  const { deletionRequest: _used, ...rest } = engagement;
  return rest;
}

/** "Keep it": the request is cancelled, and the trail says so. */
export function cancelDeletion(engagement: Engagement, id: string, actor: Person, now: Date): Engagement {
  checkMayDelete(engagement, actor);
  liveRequest(engagement, id, actor, now);
  const { deletionRequest: _cancelled, ...rest } = engagement;
  const at = now.toISOString();
  return withEvents(rest, [
    { at, actor, action: 'deletionCancelled', subject: engagement.customerName, after: 'kept' },
  ]);
}
