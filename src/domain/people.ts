import type { Engagement, Person } from './types';

export const MANAGER_ROLE = 'FastTrack Manager';

export function samePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId === b.aadObjectId;
  return a.id === b.id;
}

/** The key a person is found by across engagements. */
export function personKey(person: Person): string {
  return person.aadObjectId || person.id;
}

export function memberKeys(engagement: Pick<Engagement, 'roles'>): string[] {
  return [...new Set(engagement.roles.flatMap((r) => r.people.map(personKey)))];
}

export function peopleInRole(engagement: Engagement, role: string): Person[] {
  return engagement.roles.find((r) => r.role === role)?.people ?? [];
}

export function holdsRole(engagement: Engagement, actor: Person, role: string): boolean {
  return peopleInRole(engagement, role).some((p) => samePerson(p, actor));
}

/** A task's status is changed by the owners of its role or by a FastTrack Manager. */
export function mayChangeTask(engagement: Engagement, actor: Person, taskRole: string): boolean {
  return holdsRole(engagement, actor, taskRole) || holdsRole(engagement, actor, MANAGER_ROLE);
}

/** Settings belong to the FastTrack Manager; before one is assigned, to whoever set the engagement up. */
export function mayEditSettings(engagement: Engagement, actor: Person): boolean {
  const managers = peopleInRole(engagement, MANAGER_ROLE);
  return managers.length > 0 ? holdsRole(engagement, actor, MANAGER_ROLE) : samePerson(engagement.createdBy, actor);
}

export function rolesOf(engagement: Engagement, person: Person): string[] {
  return engagement.roles.filter((r) => r.people.some((p) => samePerson(p, person))).map((r) => r.role);
}

/** FastTrack staff of the engagement: everyone who holds one of its roles. */
export function isStaff(engagement: Engagement, actor: Person): boolean {
  return engagement.roles.some((r) => r.people.some((p) => samePerson(p, actor)));
}

export function isCustomerContact(engagement: Engagement, actor: Person): boolean {
  return engagement.customerContacts.some((p) => samePerson(p, actor));
}

/** How the domain names the people who may do a thing, in ForbiddenActorError. */
export const STAFF = 'FastTrack staff of this engagement';
export const CUSTOMER_CONTACT = "the customer's contacts for this engagement";
