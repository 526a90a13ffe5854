import { keyInputStates } from './keyInputs';
import { outputAnswers, outputsOf } from './outputs';
import { mandatoryProgress } from './progress';
import type { Engagement, EngagementTask, OutputAnswer, Signature, TaskStatus } from './types';

export interface ReportTask {
  id: string;
  name: string;
  mandatory: boolean;
  role: string;
  status: TaskStatus;
  outOfScope: boolean;
  changedBy?: string;
  changedAt?: string;
  /** Why it is not applicable, or the note given with its last change. */
  reason?: string;
}

export interface ReportWorkshop {
  name: string;
  targetDate?: string;
  done: number;
  total: number;
  tasks: ReportTask[];
}

export interface ReportOutput {
  area: string;
  answer?: OutputAnswer['answer'];
  /** YYYY-MM-DD the customer enabled it. */
  date?: string;
  reason?: string;
  note?: string;
  by?: string;
  at?: string;
}

/** Everything the customer's engagement report shows, in the order it shows it. */
export interface EngagementReport {
  customerName: string;
  playbookTitle: string;
  workshops: ReportWorkshop[];
  keyInputs: { input: string; confirmedBy?: string; confirmedAt?: string }[];
  inputsOverride?: { by: string; at: string; reason: string };
  outputs: ReportOutput[];
  /** The playbook's third Key Output: the areas the customer does not plan to enable, and why. */
  notPlanned: { area: string; reason: string }[];
  signedOff?: { by: string; at: string };
  completion?: { nextStep: string; by: string; at: string };
}

const signed = (s: Signature | undefined) => s && { by: s.by.name, at: s.at };

function reportTask(task: EngagementTask): ReportTask {
  return {
    id: task.id,
    name: task.name,
    mandatory: task.mandatory,
    role: task.role,
    status: task.status,
    outOfScope: Boolean(task.outOfScope),
    ...(task.changedBy && { changedBy: task.changedBy.name }),
    ...(task.changedAt && { changedAt: task.changedAt }),
    ...((task.reason ?? task.note) && { reason: task.reason ?? task.note }),
  };
}

/** The report of an engagement, as the customer reads it: nothing here is cut or reworded. */
export function engagementReport(
  engagement: Engagement,
  playbook: { title: string; keyInputs: readonly string[] } | undefined,
): EngagementReport {
  const workshopNames = [...new Set(engagement.tasks.map((t) => t.workshop))];
  const outputs = outputAnswers(engagement).map(({ area, answer }) => ({
    area,
    ...(answer && {
      answer: answer.answer,
      ...(answer.date && { date: answer.date }),
      ...(answer.reason && { reason: answer.reason }),
      ...(answer.note && { note: answer.note }),
      by: answer.by.name,
      at: answer.at,
    }),
  }));
  const override = engagement.keyInputs?.override;
  return {
    customerName: engagement.customerName,
    playbookTitle: playbook?.title ?? engagement.playbookId,
    workshops: workshopNames.map((name) => {
      const tasks = engagement.tasks.filter((t) => t.workshop === name);
      const { done, total } = mandatoryProgress(tasks);
      const targetDate = engagement.workshops.find((w) => w.name === name)?.targetDate;
      return { name, ...(targetDate && { targetDate }), done, total, tasks: tasks.map(reportTask) };
    }),
    keyInputs: keyInputStates(engagement, playbook?.keyInputs ?? []).map(({ input, confirmed }) => ({
      input,
      ...(confirmed && { confirmedBy: confirmed.by.name, confirmedAt: confirmed.at }),
    })),
    ...(override && { inputsOverride: { by: override.by.name, at: override.at, reason: override.reason } }),
    outputs,
    notPlanned: outputs.flatMap((o) => (o.answer === 'notPlanned' ? [{ area: o.area, reason: o.reason ?? '' }] : [])),
    ...(outputsOf(engagement).signedOff && { signedOff: signed(outputsOf(engagement).signedOff) }),
    ...(engagement.completion && {
      completion: {
        nextStep: engagement.completion.nextStep,
        by: engagement.completion.by.name,
        at: engagement.completion.at,
      },
    }),
  };
}
