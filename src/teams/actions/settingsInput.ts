import { InvalidInputError } from '../../domain/errors';
import { personKey } from '../../domain/people';
import { engagementRoles } from '../../domain/settings';
import type { EngagementSettings } from '../../domain/types';
import type { Person } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import { roleInputId, targetInputId } from '../views/setup';
import { listField, type ActionData } from '../turn/actionData';

/** Teams' people picker answers with Entra object ids, the Playground's with user ids: accept either. */
function resolvePeople(keys: string[], members: Person[], field: string): Person[] {
  return [...new Set(keys)].map((key) => {
    const person = members.find((m) => personKey(m) === key || m.id === key);
    if (!person) throw new InvalidInputError(field, 'names someone who is not a member of this conversation');
    return person;
  });
}

/** Reads the setup/settings card's inputs; the domain then validates them against the playbook. */
export function settingsFromInputs(data: ActionData, playbook: Playbook, members: Person[]): EngagementSettings {
  return {
    customerName: data.get('customerName') ?? '',
    servicesInScope: listField(data, 'services'),
    roles: engagementRoles(playbook).map((role, i) => ({
      role,
      people: resolvePeople(listField(data, roleInputId(i)), members, role),
    })),
    customerContacts: resolvePeople(listField(data, 'contacts'), members, 'customer contacts'),
    workshops: playbook.workshops.map((w, i) => {
      const date = data.get(targetInputId(i))?.trim();
      return { name: w.name, ...(date && { targetDate: date }) };
    }),
  };
}
