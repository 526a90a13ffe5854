import { withEvents } from './audit';
import { ForbiddenActorError } from './errors';
import { holdsRole, MANAGER_ROLE } from './people';
import type { Engagement, Person } from './types';

/** Only the engagement's FastTrack Manager deletes its data. */
export function checkMayDelete(engagement: Engagement, actor: Person): void {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
}

/** The FastTrack Manager asks to delete the engagement's data; the request is recorded until it is confirmed. */
export function requestDeletion(engagement: Engagement, actor: Person, now: Date): Engagement {
  checkMayDelete(engagement, actor);
  const at = now.toISOString();
  return withEvents(engagement, [
    { at, actor, action: 'deletionRequested', subject: engagement.customerName, after: 'awaiting confirmation' },
  ]);
}
