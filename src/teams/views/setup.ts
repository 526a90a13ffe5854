import { personKey } from '../../domain/people';
import { engagementRoles } from '../../domain/settings';
import type { Engagement, Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { ChoosePlaybookCardData, SetupCardData } from '../cardTypes';

const keys = (people: Person[]): string => people.map(personKey).join(',');

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
    people: members.map((m) => ({ title: m.name, value: personKey(m) })),
    roles: engagementRoles(playbook).map((role, i) => ({
      inputId: roleInputId(i),
      role,
      value: keys(engagement?.roles.find((r) => r.role === role)?.people ?? []),
    })),
    contactsValue: keys(engagement?.customerContacts ?? []),
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
