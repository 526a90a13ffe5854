import { createHash } from 'node:crypto';
import type { Playbook } from '../playbook/types';
import { InvalidInputError } from './errors';
import { MANAGER_ROLE } from './people';
import type { Engagement, Person, RoleAssignment } from './types';

export const CUSTOMER_NAME_LIMIT = 200;

export interface NewEngagement {
  customerName: string;
  tenantId: string;
  teamId: string;
  channelId: string;
  createdBy: Person;
  roles: RoleAssignment[];
  customerContacts: Person[];
  servicesInScope: string[];
}

/** The playbook's roles, plus the FastTrack Manager who runs every engagement. */
export function engagementRoles(playbook: Playbook): string[] {
  return playbook.roles.includes(MANAGER_ROLE) ? playbook.roles : [...playbook.roles, MANAGER_ROLE];
}

/** One engagement per channel: its id is derived from the tenant and channel. */
export function engagementIdFor(tenantId: string, channelId: string): string {
  return `eng-${createHash('sha256').update(`${tenantId}\n${channelId}`).digest('hex').slice(0, 32)}`;
}

export function startEngagement(playbook: Playbook, input: NewEngagement, now: Date): Engagement {
  const customerName = input.customerName.trim();
  if (!customerName) throw new InvalidInputError('customerName', 'is required');
  if (customerName.length > CUSTOMER_NAME_LIMIT) {
    throw new InvalidInputError('customerName', `is longer than ${CUSTOMER_NAME_LIMIT} characters`);
  }
  const roles = engagementRoles(playbook);
  const unknownRole = input.roles.find((r) => !roles.includes(r.role));
  if (unknownRole) throw new InvalidInputError('roles', `"${unknownRole.role}" is not a role of this playbook`);
  const unknownService = input.servicesInScope.find((s) => !playbook.services.includes(s));
  if (unknownService)
    throw new InvalidInputError('servicesInScope', `"${unknownService}" is not a service of this playbook`);
  return {
    ...input,
    customerName,
    id: engagementIdFor(input.tenantId, input.channelId),
    playbookId: playbook.id,
    playbookVersion: playbook.version,
    createdAt: now.toISOString(),
    tasks: playbook.workshops.flatMap((w) =>
      w.tasks.map((t) => ({ ...t, services: [...t.services], status: 'notStarted' as const })),
    ),
    audit: [],
  };
}
