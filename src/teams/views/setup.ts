import { personKey } from '../../domain/people';
import { engagementRoles } from '../../domain/settings';
import type { Engagement, Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { ChoosePlaybookCardData, SetupCardData } from '../cardTypes';

const keys = (people: Person[]): string => people.map(personKey).join(',');
const names = (people: Person[]): string => people.map((p) => p.name).join(', ');

/**
 * Everyone a picker may show: the team's members, and the people the engagement has now (Teams pre-fills
 * a people picker only with values that are among its choices, and someone may have left the team).
 */
function pickable(members: Person[], engagement: Engagement | undefined): Person[] {
  const current = engagement ? [...engagement.roles.flatMap((r) => r.people), ...engagement.customerContacts] : [];
  const all = [...members, ...current];
  return all.filter((p, i) => all.findIndex((q) => personKey(q) === personKey(p)) === i);
}

export const roleInputId = (index: number): string => `role-${index}`;
export const targetInputId = (index: number): string => `target-${index}`;

/** The setup card; with an engagement it is the settings card, filled in with the current values. */
export function setupView(playbook: Playbook, members: Person[], engagement?: Engagement): SetupCardData {
  return {
    title: engagement ? `Settings for ${engagement.customerName}` : 'Set up an engagement',
    playbookId: playbook.id,
    playbookTitle: playbook.title,
    engagementId: engagement?.id ?? '',
    verb: engagement ? 'settings.save' : 'setup.submit',
    submitTitle: engagement ? 'Save settings' : 'Start the engagement',
    customerName: engagement?.customerName ?? '',
    services: playbook.services.map((s) => ({ title: s, value: s })),
    servicesValue: (engagement?.servicesInScope ?? playbook.services).join(','),
    people: pickable(members, engagement).map((m) => ({ title: m.name, value: personKey(m) })),
    roles: engagementRoles(playbook).map((role, i) => {
      const people = engagement?.roles.find((r) => r.role === role)?.people ?? [];
      return { inputId: roleInputId(i), role, value: keys(people), current: names(people) };
    }),
    contactsValue: keys(engagement?.customerContacts ?? []),
    contactsCurrent: names(engagement?.customerContacts ?? []),
    workshops: playbook.workshops.map((w, i) => ({
      inputId: targetInputId(i),
      label: `Target date: ${w.name}`,
      value: engagement?.workshops.find((p) => p.name === w.name)?.targetDate ?? '',
    })),
  };
}

export function choosePlaybookView(playbooks: Playbook[]): ChoosePlaybookCardData {
  return { playbooks: playbooks.map((p) => ({ title: p.title, value: p.id })) };
}
