import { checkMayDelete } from '../domain/deletion';
import type { Engagement, Person } from '../domain/types';
import type { UseCaseDeps } from './changeTask';
import { NotFoundError } from './ports';

/**
 * Deletes every piece of the engagement's data the bot stores, its trail included, once its FastTrack
 * Manager confirmed. Returns what it was, so the caller can tell the channel and log one line.
 */
export async function deleteEngagement(deps: UseCaseDeps, engagementId: string, actor: Person): Promise<Engagement> {
  const found = await deps.store.get(engagementId);
  if (!found) throw new NotFoundError(engagementId);
  checkMayDelete(found.value, actor);
  await deps.store.delete(engagementId);
  return found.value;
}
