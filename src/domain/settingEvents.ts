import { personKey } from './people';
import type { AuditEvent, EngagementSettings, Person } from './types';

const peopleText = (people: Person[]): string => people.map((p) => p.name).join(', ') || 'nobody';
const samePeople = (a: Person[], b: Person[]): boolean =>
  a.map(personKey).sort().join('\n') === b.map(personKey).sort().join('\n');

/** One event per setting that differs: customer name, each role, contacts, services, each target date. */
export function settingEvents(
  before: EngagementSettings,
  after: EngagementSettings,
  actor: Person,
  at: string,
): AuditEvent[] {
  const changes: { subject: string; before: string; after: string }[] = [];
  if (before.customerName !== after.customerName) {
    changes.push({ subject: 'Customer name', before: before.customerName, after: after.customerName });
  }
  for (const role of after.roles) {
    const was = before.roles.find((r) => r.role === role.role)?.people ?? [];
    if (!samePeople(was, role.people)) {
      changes.push({ subject: role.role, before: peopleText(was), after: peopleText(role.people) });
    }
  }
  if (!samePeople(before.customerContacts, after.customerContacts)) {
    changes.push({
      subject: 'Customer contacts',
      before: peopleText(before.customerContacts),
      after: peopleText(after.customerContacts),
    });
  }
  const services = (s: string[]) => [...s].sort().join(', ') || 'none';
  if (services(before.servicesInScope) !== services(after.servicesInScope)) {
    changes.push({
      subject: 'Services in scope',
      before: services(before.servicesInScope),
      after: services(after.servicesInScope),
    });
  }
  for (const workshop of after.workshops) {
    const was = before.workshops.find((w) => w.name === workshop.name)?.targetDate;
    if (was !== workshop.targetDate) {
      changes.push({
        subject: `Target date: ${workshop.name}`,
        before: was ?? 'none',
        after: workshop.targetDate ?? 'none',
      });
    }
  }
  return changes.map((c) => ({ at, actor, action: 'settingChanged', ...c }));
}
