import { peopleInRole } from '../../domain/people';
import { mandatoryProgress, progressByRole, progressByWorkshop, type Progress } from '../../domain/progress';
import type { Engagement } from '../../domain/types';
import type { SummaryCardData } from '../cardTypes';
import { due, joined, names } from './format';

function progressLine(p: Progress): string {
  const outstanding = p.outstanding.map((t) => t.id);
  return `${p.done}/${p.total} done${outstanding.length ? ` · open: ${joined(outstanding)}` : ''}`;
}

export function summaryView(engagement: Engagement, playbookTitle: string): SummaryCardData {
  const all = mandatoryProgress(engagement.tasks);
  const byWorkshop = progressByWorkshop(engagement);
  const byRole = progressByRole(engagement);
  return {
    engagementId: engagement.id,
    playbookTitle,
    customerName: engagement.customerName,
    overall:
      all.outstanding.length === 0
        ? `All ${all.total} mandatory tasks are done.`
        : `${all.done} of ${all.total} mandatory tasks done; ${all.outstanding.length} outstanding.`,
    workshops: [...byWorkshop].map(([name, p]) => ({
      name,
      progress: `${progressLine(p)} · ${due(engagement.workshops.find((w) => w.name === name)?.targetDate)}`,
    })),
    roles: [...byRole]
      .filter(([, p]) => p.total > 0)
      .map(([role, p]) => ({ role: `${role} (${names(peopleInRole(engagement, role))})`, progress: progressLine(p) })),
    services: engagement.servicesInScope.length ? joined(engagement.servicesInScope) : 'none chosen',
    contacts: names(engagement.customerContacts),
  };
}
