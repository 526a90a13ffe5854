import type { Playbook } from '../playbook/types';
import { ForbiddenActorError, InvalidInputError } from './errors';
import { MANAGER_ROLE, memberKeys, mayEditSettings } from './people';
import { withEvents } from './audit';
import { outputAreas, signOffCleared } from './outputs';
import { settingEvents } from './settingEvents';
import { applyScope } from './scope';
import { checkedText, isCalendarDate } from './text';
import type { Engagement, EngagementSettings, Person } from './types';

export const SETTINGS_LIMITS = { customerName: 200, peoplePerRole: 25, contacts: 50 } as const;

/** The playbook's roles, plus the FastTrack Manager who runs every engagement. */
export function engagementRoles(playbook: Playbook): string[] {
  return playbook.roles.includes(MANAGER_ROLE) ? playbook.roles : [...playbook.roles, MANAGER_ROLE];
}

/** Checks settings against the playbook and returns them tidied (trimmed, de-duplicated). */
export function validSettings(playbook: Playbook, settings: EngagementSettings): EngagementSettings {
  const customerName = checkedText('customer name', settings.customerName, SETTINGS_LIMITS.customerName);
  if (!customerName) throw new InvalidInputError('customer name', 'is required');
  const roles = engagementRoles(playbook);
  const unknownRole = settings.roles.find((r) => !roles.includes(r.role));
  if (unknownRole) throw new InvalidInputError('roles', `"${unknownRole.role}" is not a role of this playbook`);
  const crowded = settings.roles.find((r) => r.people.length > SETTINGS_LIMITS.peoplePerRole);
  if (crowded)
    throw new InvalidInputError('roles', `${crowded.role} has more than ${SETTINGS_LIMITS.peoplePerRole} people`);
  if (settings.customerContacts.length > SETTINGS_LIMITS.contacts) {
    throw new InvalidInputError('customerContacts', `has more than ${SETTINGS_LIMITS.contacts} people`);
  }
  const unknownService = settings.servicesInScope.find((s) => !playbook.services.includes(s));
  if (unknownService) {
    throw new InvalidInputError('servicesInScope', `"${unknownService}" is not a service of this playbook`);
  }
  const names = playbook.workshops.map((w) => w.name);
  const unknownWorkshop = settings.workshops.find((w) => !names.includes(w.name));
  if (unknownWorkshop)
    throw new InvalidInputError('workshops', `"${unknownWorkshop.name}" is not a workshop of this playbook`);
  const badDate = settings.workshops.find((w) => w.targetDate !== undefined && !isCalendarDate(w.targetDate));
  if (badDate) throw new InvalidInputError('targetDate', `"${badDate.targetDate}" is not a date (YYYY-MM-DD)`);
  return {
    customerName,
    roles: roles.map((role) => ({
      role,
      people: settings.roles.filter((r) => r.role === role).flatMap((r) => r.people),
    })),
    customerContacts: settings.customerContacts,
    servicesInScope: [...new Set(settings.servicesInScope)],
    workshops: names.map((name) => ({ name, targetDate: settings.workshops.find((w) => w.name === name)?.targetDate })),
  };
}

/** A FastTrack Manager (or the person who set it up, before one is assigned) changes the settings. */
export function updateSettings(
  engagement: Engagement,
  playbook: Playbook,
  settings: EngagementSettings,
  actor: Person,
  now: Date,
): Engagement {
  if (!mayEditSettings(engagement, actor)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  const valid = validSettings(playbook, settings);
  const at = now.toISOString();
  const scoped = applyScope(engagement.tasks, engagement.servicesInScope, valid.servicesInScope, actor, at);
  const updated: Engagement = { ...engagement, ...valid, tasks: scoped.tasks, memberKeys: memberKeys(valid) };
  const areasChanged = outputAreas(updated).join('\n') !== outputAreas(engagement).join('\n');
  const cleared = areasChanged ? signOffCleared(updated, actor, at, 'the areas in scope changed') : undefined;
  return withEvents(cleared?.engagement ?? updated, [
    ...settingEvents(engagement, valid, actor, at),
    ...scoped.events,
    ...(cleared ? [cleared.event] : []),
  ]);
}
