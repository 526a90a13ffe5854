import type { Engagement } from '../../domain/types';
import type { RefreshData } from './cardTypes';

/** Teams refreshes a card automatically for at most this many listed people. */
const REFRESH_LIMIT = 60;

/**
 * Universal Actions' refresh: Teams asks for their own copy of the card (`card.refresh`) when one of the
 * engagement's role owners or customer contacts opens it, so it is current and shows their buttons.
 */
export function refreshFor(engagement: Engagement, card: string): RefreshData {
  const people = [...engagement.roles.flatMap((r) => r.people), ...engagement.customerContacts];
  const userIds = [...new Set(people.map((p) => p.id))].slice(0, REFRESH_LIMIT);
  return { userIds, data: { engagementId: engagement.id, card } };
}
