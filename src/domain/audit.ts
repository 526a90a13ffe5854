import type { AuditEvent } from './types';

/**
 * How many audit events an engagement document keeps, newest last. Every task also keeps its own
 * last change (who, when, reason), and a checklist of a dozen tasks sees far fewer changes than
 * this; the bound keeps every read and write of the document small and far below Cosmos DB's 2 MB.
 */
export const AUDIT_LIMIT = 50;

export function withAudit(audit: AuditEvent[], events: AuditEvent[]): AuditEvent[] {
  const all = [...audit, ...events];
  return all.length > AUDIT_LIMIT ? all.slice(all.length - AUDIT_LIMIT) : all;
}
