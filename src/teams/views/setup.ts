import { personKey } from '../../domain/people';
import { engagementRoles } from '../../domain/settings';
import type { Engagement, Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { ChoosePlaybookCardData, SetupCardData } from './cardTypes';
import type { Choice } from './cardTypes';
import { customer, fitted, names } from './format';

const keys = (people: Person[]): string => people.map(personKey).join(',');

/** Team members each picker offers besides the people it holds now; Teams' people search finds everyone else. */
const MEMBERS_OFFERED = 10;
const CHOICE_BYTES = 48;

/**
 * What one picker offers: the people it holds now (Teams pre-fills a people picker only with values among
 * its choices, and someone may have left the team), then a few of the team's members. A picker's choices
 * never grow with the team, so the card stays within Teams' size limit.
 */
function choices(current: Person[], members: Person[]): Choice[] {
  const held = new Set(current.map(personKey));
  const offered = [...current, ...members.filter((m) => !held.has(personKey(m))).slice(0, MEMBERS_OFFERED)];
  return offered.map((p) => ({ title: fitted(p.name, CHOICE_BYTES), value: personKey(p) }));
}

export const roleInputId = (index: number): string => `role-${index}`;
export const targetInputId = (index: number): string => `target-${index}`;

/** The setup card; with an engagement it is the settings card, filled in with the current values. */
export function setupView(playbook: Playbook, members: Person[], engagement?: Engagement): SetupCardData {
  return {
    title: engagement ? `Settings for ${customer(engagement.customerName)}` : 'Set up an engagement',
    playbookId: playbook.id,
    playbookTitle: playbook.title,
    engagementId: engagement?.id ?? '',
    verb: engagement ? 'settings.save' : 'setup.submit',
    submitTitle: engagement ? 'Save settings' : 'Start the engagement',
    customerName: engagement?.customerName ?? '',
    services: playbook.services.map((s) => ({ title: s, value: s })),
    servicesValue: (engagement?.servicesInScope ?? playbook.services).join(','),
    roles: engagementRoles(playbook).map((role, i) => {
      const people = engagement?.roles.find((r) => r.role === role)?.people ?? [];
      const current = people.length ? names(people) : '';
      return { inputId: roleInputId(i), role, value: keys(people), current, choices: choices(people, members) };
    }),
    contactsValue: keys(engagement?.customerContacts ?? []),
    contactsCurrent: engagement?.customerContacts.length ? names(engagement.customerContacts) : '',
    contactChoices: choices(engagement?.customerContacts ?? [], members),
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
