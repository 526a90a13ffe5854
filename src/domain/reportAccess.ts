import { withEvents } from './audit';
import { ForbiddenActorError } from './errors';
import { holdsRole, MANAGER_ROLE } from './people';
import type { Engagement, Person } from './types';

/** The generation the engagement's report links must carry to open the report. */
export const reportLinkGeneration = (engagement: Engagement): number => engagement.reportLinkGeneration ?? 0;

/** A FastTrack Manager revokes every link to the engagement's report given so far; new ones work. */
export function revokeReportLinks(engagement: Engagement, actor: Person, now: Date): Engagement {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  const generation = reportLinkGeneration(engagement) + 1;
  const event = {
    at: now.toISOString(),
    actor,
    action: 'reportLinksRevoked' as const,
    subject: engagement.customerName,
  };
  return withEvents({ ...engagement, reportLinkGeneration: generation }, [event]);
}
