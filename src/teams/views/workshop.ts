import { peopleInRole } from '../../domain/people';
import { mandatoryProgress } from '../../domain/progress';
import { allowedActions } from '../../domain/transitions';
import type { Engagement } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { WorkshopCardData } from '../cardTypes';
import { STATUS_TEXT } from '../userMessages';
import { due, joined, names, when } from './format';
import { inputsNotice } from './keyInputs';

const STATUS_COLOR = { notStarted: 'Default', inProgress: 'Accent', done: 'Good', notApplicable: 'Warning' } as const;

/** A workshop of an engagement, as its card shows it to everyone in the channel. */
export function workshopView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  workshopName: string,
): WorkshopCardData {
  const workshop = playbook?.workshops.find((w) => w.name === workshopName);
  const tasks = engagement.tasks.filter((t) => t.workshop === workshopName);
  const progress = mandatoryProgress(tasks);
  const targetDate = engagement.workshops.find((w) => w.name === workshopName)?.targetDate;
  return {
    engagementId: engagement.id,
    customerName: engagement.customerName,
    inputsNotice: inputsNotice(engagement, playbook),
    name: workshopName,
    primaryRole: workshop?.primaryRole ?? '',
    appliesTo: joined(workshop?.appliesTo ?? []),
    progressText: `${progress.done} of ${progress.total} mandatory tasks done`,
    done: progress.done,
    left: progress.total - progress.done,
    successCriteria: (workshop?.successCriteria ?? []).map((text) => ({ text: `• ${text}` })),
    toggleId: `criteria-${workshopName.replace(/[^A-Za-z0-9]/g, '')}`,
    tasks: tasks.map((t) => {
      const actions = allowedActions(t.status);
      return {
        id: t.id,
        name: t.name,
        marker: t.mandatory ? 'Mandatory' : 'Optional',
        role: t.role,
        owners: names(peopleInRole(engagement, t.role)),
        services: joined(t.services),
        status: STATUS_TEXT[t.status],
        statusColor: STATUS_COLOR[t.status],
        due: due(targetDate),
        lastChange:
          t.changedBy && t.changedAt ? `Last change: ${t.changedBy.name}, ${when(t.changedAt)}` : 'No changes yet',
        reason: t.reason ? `Reason: ${t.reason}` : '',
        canStart: actions.includes('start'),
        canComplete: actions.includes('complete'),
        canMarkNotApplicable: actions.includes('notApplicable'),
        canReopen: actions.includes('reopen'),
        reopenTitle: t.outOfScope ? 'Bring into scope' : 'Reopen',
        reasonInputId: `reason-${t.id}`,
        actionData: { engagementId: engagement.id, taskId: t.id },
      };
    }),
  };
}
