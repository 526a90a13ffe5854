import { inputsOverride, unconfirmedInputs } from '../../domain/keyInputs';
import { nextStepsBlockedBy } from '../../domain/nextSteps';
import { outputAnswers, outputsOf } from '../../domain/outputs';
import {
  holdsRole,
  isCustomerContact,
  isStaff,
  MANAGER_ROLE,
  mayEditSettings,
  peopleInRole,
} from '../../domain/people';
import { mandatoryProgress, progressByRole, progressByWorkshop, type Progress } from '../../domain/progress';
import type { Engagement } from '../../domain/types';
import type { NextStep, Playbook } from '../../playbook/types';
import { versionText } from './playbookUpdate';
import type { SummaryCardData } from './cardTypes';
import { SUMMARY_CARD } from './cardKeys';
import { answerText, outputsStatus } from './keyOutputs';
import { refreshFor } from './refresh';
import { type Viewer, customer, due, joined, mayPress, names, personName, plural, when, shown } from './format';

/** The playbook's wording of its third Key Output, the record of what the customer will not enable. */
const NOT_PLANNED_HEADING = "Areas the customer doesn't plan to enable, with the reasons why";

const progressLine = (p: Progress): string => `${p.done} of ${p.total} done`;

/** Bytes of each person-written text the summary shows; the Key Outputs card and `history` show more. */
const AREA_BYTES = 120;
const NOTE_BYTES = 150;
const REASON_BYTES = 300;

/** How many open tasks the summary names; the rest are counted. */
const OPEN_LISTED = 12;

function inputsLine(engagement: Engagement, inputs: string[]): string {
  const open = unconfirmedInputs(engagement, inputs);
  if (open.length === 0) return inputs.length ? 'all confirmed' : 'none in this playbook';
  const override = inputsOverride(engagement);
  if (override) return `going ahead without ${open.length} unconfirmed (${personName(override.by)})`;
  return `${inputs.length - open.length} of ${inputs.length} confirmed`;
}

const stepTitle = (step: NextStep): string => step.links[0]?.title ?? step.text;

function nextStepsStatus(engagement: Engagement, zone?: string): string {
  if (engagement.completion) {
    const { by, at, nextStep } = engagement.completion;
    return `Complete: ${personName(by)} chose the next step, ${when(at, zone)}: ${nextStep}`;
  }
  const blocked = nextStepsBlockedBy(engagement);
  return blocked.length ? `The Next Steps open once the workshops are finished: ${blocked.join('; ')}.` : '';
}

/** What the summary knows beyond the engagement: its report link, and the newest version of its playbook. */
export interface SummaryExtras {
  reportUrl?: string;
  /** The version of the playbook file loaded now; null when the file is no longer loaded. */
  newestVersion?: string | null;
}

function playbookNotice(engagement: Engagement, newest: string | null | undefined): string {
  if (newest === null) {
    return `Its playbook file is no longer loaded: it runs on the version it was set up with (${versionText(engagement.playbookVersion)}).`;
  }
  if (!newest || newest === engagement.playbookVersion || engagement.completion) return '';
  return `A newer version of the playbook (${versionText(newest)}) is available until the FastTrack Manager applies it.`;
}

export function summaryView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  playbookTitle: string,
  viewer: Viewer = {},
  { reportUrl = '', newestVersion }: SummaryExtras = {},
): SummaryCardData {
  const zone = viewer.timeZone;
  const isManager = mayPress(viewer, (person) => holdsRole(engagement, person, MANAGER_ROLE));
  const all = mandatoryProgress(engagement.tasks);
  const byWorkshop = progressByWorkshop(engagement);
  const byRole = progressByRole(engagement);
  const answers = outputAnswers(engagement);
  const signedOff = !!outputsOf(engagement).signedOff;
  const stepsOpen = !engagement.completion && nextStepsBlockedBy(engagement).length === 0;
  return {
    refresh: refreshFor(engagement, SUMMARY_CARD),
    engagementId: engagement.id,
    playbookTitle,
    customerName: customer(engagement.customerName),
    overall: engagement.completion
      ? `This engagement is complete: ${engagement.completion.nextStep}`
      : all.outstanding.length === 0
        ? `All ${plural(all.total, 'mandatory task')} done.`
        : `${all.done} of ${plural(all.total, 'mandatory task')} done; ${all.outstanding.length} open.`,
    ids: { tasks: `open-${engagement.id}`, roles: `roles-${engagement.id}`, outputs: `outputs-${engagement.id}` },
    openTasksLabel: `Show the ${plural(all.outstanding.length, 'open task')}`,
    openTasks: all.outstanding.slice(0, OPEN_LISTED).map((t) => ({
      text: `**${t.id}** · ${t.name} — ${t.role}: ${names(peopleInRole(engagement, t.role))}`,
    })),
    moreOpen:
      all.outstanding.length > OPEN_LISTED
        ? `and ${plural(all.outstanding.length - OPEN_LISTED, 'more open task')}: type **tasks** to see them all.`
        : '',
    workshops: [...byWorkshop].map(([name, p]) => ({
      name,
      progress: `${progressLine(p)} · ${due(engagement.workshops.find((w) => w.name === name)?.targetDate)}`,
    })),
    roles: [...byRole]
      .filter(([, p]) => p.total > 0)
      .map(([role, p]) => ({ role: `${role} (${names(peopleInRole(engagement, role))})`, progress: progressLine(p) })),
    services: engagement.servicesInScope.length ? joined(engagement.servicesInScope) : 'none chosen',
    contacts: names(engagement.customerContacts),
    inputs: inputsLine(engagement, playbook?.keyInputs ?? []),
    outputsStatus: outputsStatus(engagement, zone),
    hasOutputsRecord: signedOff && answers.length > 0,
    enabledAreas: signedOff
      ? answers
          .filter((a) => a.answer?.answer === 'enabled')
          .map((a) => ({
            area: shown(a.area, AREA_BYTES),
            detail: answerText(a.answer) + (a.answer?.note ? ` · ${shown(a.answer.note, NOTE_BYTES)}` : ''),
          }))
      : [],
    notPlannedHeading: NOT_PLANNED_HEADING,
    notPlannedAreas: signedOff
      ? answers
          .filter((a) => a.answer?.answer === 'notPlanned')
          .map((a) => ({ area: shown(a.area, AREA_BYTES), reason: shown(a.answer?.reason ?? '', REASON_BYTES) }))
      : [],
    nextStepsStatus: nextStepsStatus(engagement, zone),
    nextSteps: stepsOpen
      ? (playbook?.nextSteps ?? []).map((step, i) => ({
          title: `Choose: ${stepTitle(step)}`,
          text: step.text,
          canChoose: isManager,
          data: { engagementId: engagement.id, step: String(i) },
        }))
      : [],
    canOpenOutputs: mayPress(viewer, (person) => isStaff(engagement, person) || isCustomerContact(engagement, person)),
    canEditSettings: mayPress(viewer, (person) => mayEditSettings(engagement, person)),
    reportUrl,
    playbookNotice: playbookNotice(engagement, newestVersion),
    canReviewPlaybook:
      isManager && !engagement.completion && !!newestVersion && newestVersion !== engagement.playbookVersion,
  };
}
