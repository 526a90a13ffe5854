import { personKey } from '../../domain/people';
import { engagementRoles } from '../../domain/settings';
import type { Engagement, Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { ChoosePlaybookCardData, SetupCardData } from './cardTypes';
import type { Choice } from './cardTypes';
import { customer, fitted, joined, NAME_BYTES } from './format';

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

const LABEL_NAMES = 3;

/**
 * A picker's label; with people set, it names them ("SME (now: Megan Bowen)"): Teams pre-fills the picker,
 * the Playground does not. A label is shown as it is, not as Markdown, so names are cut, not escaped.
 */
function labelled(label: string, people: Person[]): string {
  if (!people.length) return label;
  const listed = joined(people.slice(0, LABEL_NAMES).map((p) => fitted(p.name, NAME_BYTES)));
  const more = people.length > LABEL_NAMES ? ` and ${people.length - LABEL_NAMES} more` : '';
  return `${label} (now: ${listed}${more})`;
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
      return {
        inputId: roleInputId(i),
        label: labelled(role, people),
        value: keys(people),
        choices: choices(people, members),
      };
    }),
    contactsValue: keys(engagement?.customerContacts ?? []),
    contactsLabel: labelled('Customer contacts', engagement?.customerContacts ?? []),
    contactChoices: choices(engagement?.customerContacts ?? [], members),
    workshops: playbook.workshops.map((w, i) => ({
      inputId: targetInputId(i),
      label: w.name,
      value: engagement?.workshops.find((p) => p.name === w.name)?.targetDate ?? '',
    })),
  };
}

export function choosePlaybookView(playbooks: Playbook[]): ChoosePlaybookCardData {
  return { playbooks: playbooks.map((p) => ({ title: p.title, value: p.id })) };
}
