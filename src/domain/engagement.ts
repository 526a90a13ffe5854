import { createHash } from 'node:crypto';
import type { Playbook } from '../playbook/types';
import { memberKeys } from './people';
import { withEvents } from './audit';
import { applyScope } from './scope';
import { validSettings } from './settings';
import type { Engagement, EngagementSettings, Person } from './types';

export interface NewEngagement extends EngagementSettings {
  tenantId: string;
  teamId: string;
  /** The team's Entra group id, when Teams sends it: links that open the channel need it. */
  teamGroupId?: string;
  channelId: string;
  conversationId: string;
  serviceUrl: string;
  createdBy: Person;
}

/** One engagement per channel: its id is derived from the tenant and channel. */
export function engagementIdFor(tenantId: string, channelId: string): string {
  return `eng-${createHash('sha256').update(`${tenantId}\n${channelId}`).digest('hex').slice(0, 32)}`;
}

export function startEngagement(playbook: Playbook, input: NewEngagement, now: Date): Engagement {
  const settings = validSettings(playbook, input);
  const at = now.toISOString();
  const tasks = playbook.workshops.flatMap((w) =>
    w.tasks.map((t) => ({ ...t, services: [...t.services], status: 'notStarted' as const })),
  );
  const scoped = applyScope(tasks, undefined, settings.servicesInScope, input.createdBy, at);
  const engagement: Engagement = {
    id: engagementIdFor(input.tenantId, input.channelId),
    revision: 1,
    tenantId: input.tenantId,
    teamId: input.teamId,
    ...(input.teamGroupId && { teamGroupId: input.teamGroupId }),
    channelId: input.channelId,
    conversationId: input.conversationId,
    serviceUrl: input.serviceUrl,
    createdBy: input.createdBy,
    createdAt: at,
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    ...settings,
    tasks: scoped.tasks,
    audit: [],
    auditCount: 0,
    posts: [],
    memberKeys: memberKeys(settings),
  };
  const setUp = { at, actor: input.createdBy, action: 'setUp' as const, subject: settings.customerName };
  return withEvents(engagement, [setUp, ...scoped.events]);
}
