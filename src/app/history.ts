import { firstKeptSeq } from '../domain/audit';
import type { AuditEvent, Engagement } from '../domain/types';
import type { EngagementStore } from './ports';

export interface HistoryQuery {
  limit: number;
  taskId?: string;
}

/**
 * The newest events of the engagement's trail, newest first: those still on its document, then as many
 * older ones as are needed from the store's trail.
 */
export async function history(
  store: EngagementStore,
  engagement: Engagement,
  query: HistoryQuery,
): Promise<AuditEvent[]> {
  const onDocument = engagement.audit
    .filter((e) => !query.taskId || e.taskId === query.taskId)
    .reverse()
    .slice(0, query.limit);
  const wanted = query.limit - onDocument.length;
  if (wanted <= 0) return onDocument;
  const older = await store.trail(engagement.id, {
    beforeSeq: firstKeptSeq(engagement),
    limit: wanted,
    ...(query.taskId && { taskId: query.taskId }),
  });
  return [...onDocument, ...older];
}
