import type { Engagement, Person } from './types';

export const MANAGER_ROLE = 'FastTrack Manager';

export function samePerson(a: Person, b: Person): boolean {
  if (a.aadObjectId && b.aadObjectId) return a.aadObjectId === b.aadObjectId;
  return a.id === b.id;
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
