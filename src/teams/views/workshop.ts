import { deepFreeze } from '../../deepFreeze';
import { mayChangeTask, peopleInRole } from '../../domain/people';
import { mandatoryProgress } from '../../domain/progress';
import { allowedActions } from '../../domain/transitions';
import type { Engagement, EngagementTask } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { WorkshopCardData, WorkshopTaskRow } from './cardTypes';
import {
  type Viewer,
  customer,
  due,
  joined,
  mayPress,
  names,
  personName,
  plural,
  shown,
  when,
  STATUS_TEXT,
  STATUS_SYMBOL,
} from './format';
import { workshopCardKey } from './cardKeys';
import { inputsNotice } from './keyInputs';
import { refreshFor } from './refresh';

// The host's semantic colours, which Teams adapts to light, dark and high-contrast themes.
const STATUS_COLOR = { notStarted: 'Default', inProgress: 'Accent', done: 'Good', notApplicable: 'Default' } as const;

const SEGMENTS = 10;

function progressBar(done: number, total: number): string {
  const filled = total === 0 ? SEGMENTS : Math.round((done / total) * SEGMENTS);
  return '▰'.repeat(filled) + '▱'.repeat(SEGMENTS - filled);
}

/** A row shows the start of a long reason; `history <task>` shows all of it. */
const REASON_BYTES = 300;

function reasonLine(t: EngagementTask): string {
  const reason = shown(t.reason ?? '', REASON_BYTES);
  return reason.endsWith('…') ? `Reason: ${reason} (type **history ${t.id}** for all of it)` : `Reason: ${reason}`;
}

const finished = (t: EngagementTask): boolean => t.retired || t.status === 'done' || t.status === 'notApplicable';

function taskRow(engagement: Engagement, t: EngagementTask, viewer: Viewer): WorkshopTaskRow {
  const actions =
    !t.retired && mayPress(viewer, (person) => mayChangeTask(engagement, person, t.role))
      ? allowedActions(t.status)
      : [];
  const next = actions.includes('reopen')
    ? { title: t.outOfScope ? 'Bring into scope' : 'Reopen', verb: 'task.reopen', style: 'default' as const }
    : actions.includes('start')
      ? { title: 'Start', verb: 'task.start', style: 'default' as const }
      : actions.includes('complete')
        ? { title: 'Complete', verb: 'task.complete', style: 'positive' as const }
        : undefined;
  const completeInMore = actions.includes('start') && actions.includes('complete');
  const canMarkNotApplicable = actions.includes('notApplicable');
  const change =
    t.changedBy && t.changedAt ? [`${personName(t.changedBy)}, ${when(t.changedAt, viewer.timeZone)}`] : [];
  return {
    id: t.id,
    name: t.name,
    details: [
      // Mandatory is the rule (the progress counts mandatory tasks); optional ones say so.
      ...(t.mandatory ? [] : ['Optional']),
      `${t.role}: ${names(peopleInRole(engagement, t.role))}`,
      joined(t.services),
      ...change,
    ].join(' · '),
    status: `${STATUS_SYMBOL[t.status]} ${STATUS_TEXT[t.status]}${t.retired ? ' · no longer in the playbook' : ''}`,
    statusColor: STATUS_COLOR[t.status],
    reason: t.reason ? reasonLine(t) : '',
    primaryTitle: next?.title ?? '',
    primaryVerb: next?.verb ?? '',
    primaryStyle: next?.style ?? 'default',
    hasMore: completeInMore || canMarkNotApplicable,
    completeInMore,
    canMarkNotApplicable,
    moreId: `more-${t.id}`,
    reasonInputId: `reason-${t.id}`,
    actionData: { engagementId: engagement.id, taskId: t.id },
  };
}

/**
 * Rows already built, by task. A change builds the next engagement with its other tasks, and its roles, as
 * they were (the documents are frozen), so a card shown again after a click builds only the changed row.
 * A row shows its task, the engagement's id and roles, and what depends on who reads it where: the key.
 */
const builtRows = new WeakMap<EngagementTask, Map<string, { roles: Engagement['roles']; row: WorkshopTaskRow }>>();

function rowFor(engagement: Engagement, t: EngagementTask, viewer: Viewer): WorkshopTaskRow {
  const { person, timeZone } = viewer;
  const key = `${engagement.id}|${person?.aadObjectId ?? ''}|${person?.id ?? ''}|${timeZone ?? ''}`;
  let byReader = builtRows.get(t);
  if (!byReader) builtRows.set(t, (byReader = new Map()));
  const built = byReader.get(key);
  if (built?.roles === engagement.roles) return built.row;
  const row = deepFreeze(taskRow(engagement, t, viewer));
  byReader.set(key, { roles: engagement.roles, row });
  return row;
}

/** A workshop of an engagement, as its card shows it to `viewer` (read-only for everyone, when no person is given). */
export function workshopView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  workshopName: string,
  viewer: Viewer = {},
): WorkshopCardData {
  const workshop = playbook?.workshops.find((w) => w.name === workshopName);
  const tasks = engagement.tasks.filter((t) => t.workshop === workshopName);
  const progress = mandatoryProgress(tasks);
  const targetDate = engagement.workshops.find((w) => w.name === workshopName)?.targetDate;
  const id = workshopName.replace(/[^A-Za-z0-9]/g, '');
  const done = tasks.filter(finished);
  const notice = inputsNotice(engagement, playbook);
  return {
    refresh: refreshFor(engagement, workshopCardKey(workshopName)),
    engagementId: engagement.id,
    inputsNotice: notice.text,
    offerInputs: notice.offer,
    name: workshopName,
    subtitle: [
      customer(engagement.customerName),
      `Primary role: ${workshop?.primaryRole ?? ''}`,
      // Only what the customer is licensed for: a service out of scope is not what this workshop covers for them.
      joined((workshop?.appliesTo ?? []).filter((service) => engagement.servicesInScope.includes(service))),
      due(targetDate),
    ]
      .filter(Boolean)
      .join(' · '),
    progressText: `${progress.done} of ${plural(progress.total, 'mandatory task')} done`,
    progressBar: progressBar(progress.done, progress.total),
    successCriteria: (workshop?.successCriteria ?? []).map((text) => ({ text: `• ${text}` })),
    toggleId: `criteria-${id}`,
    openTasks: tasks.filter((t) => !finished(t)).map((t) => rowFor(engagement, t, viewer)),
    finishedTasks: done.map((t) => rowFor(engagement, t, viewer)),
    finishedCount: done.length,
    // Short, so that both toggles and Refresh fit one row of the narrowest card.
    finishedLabel: `Show ${done.length} finished`,
    finishedHideLabel: 'Hide finished',
    finishedToggleId: `finished-${id}`,
  };
}
