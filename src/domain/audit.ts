import type { AuditEvent, Engagement } from './types';

/**
 * How many of the newest events the engagement document keeps. Few: every card action reads and writes
 * the document whole, so each kept event costs every action; `history` reads the older ones from the
 * store's trail. They move there as the document grows (see overflowingEvents), so a write stays the size
 * of one change however long the trail grows.
 */
export const AUDIT_KEPT = 5;

/** The trail with every event numbered; documents written before events had numbers get theirs here. */
function numbered(engagement: Engagement): { audit: AuditEvent[]; count: number } {
  if (engagement.auditCount !== undefined) return { audit: engagement.audit, count: engagement.auditCount };
  return { audit: engagement.audit.map((e, i) => ({ ...e, seq: i + 1 })), count: engagement.audit.length };
}

/** Appends events to the trail, numbering them; the same engagement when there are none. */
export function withEvents(engagement: Engagement, events: AuditEvent[]): Engagement {
  if (events.length === 0) return engagement;
  const { audit, count } = numbered(engagement);
  const added = events.map((e, i) => ({ ...e, seq: count + i + 1 }));
  return { ...engagement, audit: [...audit, ...added], auditCount: count + added.length };
}

/**
 * The events beyond the newest AUDIT_KEPT, which the store moves off the document, and what remains. Only
 * events already stored (numbered up to `storedCount`) move: an event is never in the trail before its
 * change is stored, even if that write then fails.
 */
export function overflowingEvents(
  engagement: Engagement,
  storedCount: number,
): { engagement: Engagement; moved: AuditEvent[] } {
  const extra = engagement.audit.length - AUDIT_KEPT;
  if (extra <= 0) return { engagement, moved: [] };
  const moved = engagement.audit.slice(0, extra).filter((e) => (e.seq ?? Infinity) <= storedCount);
  return { engagement: { ...engagement, audit: engagement.audit.slice(moved.length) }, moved };
}

/** The seq below which events are no longer on the document: the store's trail holds those. */
export function firstKeptSeq(engagement: Engagement): number {
  return engagement.audit[0]?.seq ?? (engagement.auditCount ?? 0) + 1;
}
