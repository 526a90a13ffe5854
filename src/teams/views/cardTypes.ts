/** The data each template in cards/ binds to: one type per template file. */

/** Who Teams refreshes a card for, and what the refresh sends (see views/refresh.ts). */
export interface RefreshData {
  userIds: string[];
  data: { engagementId: string; card: string };
}

export interface PlaybookWorkshopCardData {
  playbookTitle: string;
  name: string;
  primaryRole: string;
  appliesTo: string;
  mandatorySummary: string;
  tasks: { id: string; name: string; marker: 'Mandatory' | 'Optional'; role: string; services: string }[];
  footer: string;
}

export interface WorkshopTaskRow {
  id: string;
  name: string;
  /** [Optional ·] role: owners · services, and the last change when there is one. */
  details: string;
  /** A symbol and a word ("✔ Done"): readable without colour. */
  status: string;
  statusColor: 'Default' | 'Accent' | 'Good';
  reason: string;
  /** The next step for the task, as one button; empty when the reader may not change it. */
  primaryTitle: string;
  primaryVerb: string;
  primaryStyle: 'default' | 'positive';
  /** Further moves, behind "More": complete a task not yet started, mark it not applicable. */
  hasMore: boolean;
  completeInMore: boolean;
  canMarkNotApplicable: boolean;
  /** The full-width panel "More" opens under the row (a ShowCard would open inside the narrow button column). */
  moreId: string;
  reasonInputId: string;
  /** What every action button of the row sends back. */
  actionData: { engagementId: string; taskId: string };
}

export interface WorkshopCardData {
  refresh: RefreshData;
  engagementId: string;
  /** Says plainly that Key Inputs are unconfirmed, or that the manager went ahead without them; else empty. */
  inputsNotice: string;
  /** Offers the Key Inputs card beside the notice while inputs are open (not when the manager went ahead). */
  offerInputs: boolean;
  name: string;
  /** "Contoso · Primary role: SME · Intune, MDATP · Due 1 Dec 2026" */
  subtitle: string;
  progressText: string;
  /** Ten segments, filled in proportion to the mandatory tasks done: ▰▰▰▱▱▱▱▱▱▱ */
  progressBar: string;
  successCriteria: { text: string }[];
  toggleId: string;
  /** Tasks not started or in progress, shown; done and not applicable ones fold under a toggle. */
  openTasks: WorkshopTaskRow[];
  finishedTasks: WorkshopTaskRow[];
  finishedCount: number;
  finishedLabel: string;
  finishedHideLabel: string;
  finishedToggleId: string;
}

export interface SummaryCardData {
  refresh: RefreshData;
  engagementId: string;
  playbookTitle: string;
  customerName: string;
  overall: string;
  /** The elements the summary's Show/Hide toggles open and close. */
  ids: { tasks: string; roles: string; outputs: string };
  openTasksLabel: string;
  /** The open mandatory tasks by name and owner. */
  openTasks: { text: string }[];
  moreOpen: string;
  workshops: { name: string; progress: string }[];
  roles: { role: string; progress: string }[];
  services: string;
  contacts: string;
  inputs: string;
  outputsStatus: string;
  /** Whether the customer signed the outputs off, so the summary has their record to show. */
  hasOutputsRecord: boolean;
  /** Filled once the customer signed the outputs off. */
  enabledAreas: { area: string; detail: string }[];
  notPlannedHeading: string;
  notPlannedAreas: { area: string; reason: string }[];
  /** Why the Next Steps are not open yet, or who completed the engagement with which step; else empty. */
  nextStepsStatus: string;
  nextSteps: { title: string; text: string; canChoose: boolean; data: { engagementId: string; step: string } }[];
  canOpenOutputs: boolean;
  canEditSettings: boolean;
  /** The customer's report (a signed link), or empty where the card has none. */
  reportUrl: string;
  /** A newer playbook to apply, or the playbook file gone; else empty. */
  playbookNotice: string;
  canReviewPlaybook: boolean;
}

export interface KeyInputsCardData {
  refresh: RefreshData;
  customerName: string;
  intro: string;
  inputs: { text: string; status: string; canConfirm: boolean; data: { engagementId: string; input: string } }[];
  overrideText: string;
  canOverride: boolean;
  engagementId: string;
}

export interface OutputAreaRow {
  /** The area as the card shows it (see plain). */
  label: string;
  /** The label of the area's form row, cut shorter. */
  rowLabel: string;
  answer: string;
  detail: string;
  /** The one-pass form's row: the answer chosen ('' for none yet), kept after a refusal. */
  choice: string;
  /** What the answer's box shows before a choice, naming the area: the name a screen reader reads. */
  answerPlaceholder: string;
  /** The start of the current reason or note, shown greyed in the empty text box; an empty box keeps it. */
  placeholder: string;
  choiceId: string;
  textId: string;
}

export interface KeyOutputsCardData {
  refresh: RefreshData;
  engagementId: string;
  customerName: string;
  keyOutputs: { text: string }[];
  status: string;
  /** What the last submit could not save, and why; empty otherwise. */
  notice: string;
  areas: OutputAreaRow[];
  /** The Save button's data: the engagement and each row's area, as stored, by its position. */
  saveData: Record<string, string>;
  detailsId: string;
  /** For the customer's contacts, until the engagement is complete: then the outputs are final. */
  canAnswer: boolean;
  /** The answers as a list: everyone's copy but a contact's. */
  readOnly: boolean;
  canSignOff: boolean;
}

export interface HistoryLine {
  /** The day, on the first line of each day only; '' on the others. */
  day: string;
  time: string;
  text: string;
}

export interface HistoryCardData {
  title: string;
  subtitle: string;
  /** The newest changes, shown at once. */
  events: HistoryLine[];
  /** The rest of the latest changes, behind a toggle. */
  older: HistoryLine[];
  olderLabel: string;
  olderId: string;
  /** How many of the latest changes did not fit, or empty. */
  more: string;
  empty: string;
}

export interface ConfirmDeleteCardData {
  engagementId: string;
  /** The deletion request both buttons name: single use, for the person who asked. */
  requestId: string;
  customerName: string;
  /** "Contoso's", "Contoso Pharmaceuticals'" */
  customerPossessive: string;
  text: string;
  deleteTitle: string;
}

export interface Choice {
  title: string;
  value: string;
}

export interface SetupCardData {
  title: string;
  playbookId: string;
  playbookTitle: string;
  engagementId: string;
  verb: 'setup.submit' | 'settings.save';
  submitTitle: string;
  customerName: string;
  services: Choice[];
  servicesValue: string;
  /**
   * Each picker's label, which names the people it holds now ("SME (now: Megan Bowen)") for clients that
   * cannot show a pre-filled people picker, and its choices: those people, then a few of the team's members.
   */
  roles: { inputId: string; label: string; value: string; choices: Choice[] }[];
  contactsValue: string;
  contactChoices: Choice[];
  contactsLabel: string;
  /** One target date per workshop, side by side under one heading. */
  workshops: { inputId: string; label: string; value: string }[];
}

export interface ChoosePlaybookCardData {
  playbooks: Choice[];
}

export interface TaskListRow {
  id: string;
  name: string;
  status: string;
  role: string;
  due: string;
  canStart: boolean;
  canComplete: boolean;
  startStyle: 'positive';
  completeStyle: 'default' | 'positive';
  /** What Start and Complete send back: the task, and which list to answer with. */
  data: { engagementId: string; taskId: string; list: string; args?: string };
}

export interface TaskListCardData {
  title: string;
  subtitle: string;
  /** Why this list is the answer to a click on an outdated one, or empty. */
  notice: string;
  /** The first rows, under their headings; the others behind a toggle. */
  groups: { heading: string; tasks: TaskListRow[] }[];
  moreGroups: { heading: string; tasks: TaskListRow[] }[];
  moreLabel: string;
  moreId: string;
  /** How many rows did not fit, or empty. */
  more: string;
  empty: string;
}

export interface NoticeCardData {
  title: string;
  text: string;
}

export interface HelpCardData {
  intro: string;
  /** The commands shown at once, then the others, behind a toggle. */
  commands: { usage: string; description: string }[];
  moreCommands: { usage: string; description: string }[];
  moreLabel: string;
  howToAsk: string;
}

export interface WelcomeCardData {
  audience: string;
  playbooks: { title: string; workshops: string }[];
  howToStart: string;
}

export interface DigestRow {
  text: string;
  detail: string;
  canStart: boolean;
  /** What Start and Complete send back; the snooze buttons add how many days. */
  data: { engagementId: string; taskId: string };
  snooze1: { engagementId: string; taskId: string; days: string };
  snooze3: { engagementId: string; taskId: string; days: string };
  snooze7: { engagementId: string; taskId: string; days: string };
}

export interface DigestCardData {
  title: string;
  intro: string;
  sections: { customer: string; items: DigestRow[]; escalations: { text: string }[]; notes: { text: string }[] }[];
  /** Nothing outstanding, or how many tasks did not fit. */
  footer: string;
}

/** The customer's report: a signed link valid for 7 days, and (for a FastTrack Manager) revoking them all. */
export interface ReportCardData {
  title: string;
  text: string;
  /** What a revoke changed, or empty. */
  notice: string;
  url: string;
  canRevoke: boolean;
  engagementId: string;
}

/** What a newer version of the playbook changes for one engagement, with Apply and Not now. */
export interface PlaybookUpdateCardData {
  title: string;
  intro: string;
  /** The changes counted in one line; the sections, behind a toggle, name each one. */
  inShort: string;
  changesId: string;
  sections: { heading: string; lines: { text: string }[] }[];
  footer: string;
  canApply: boolean;
  data: { engagementId: string; version: string };
}

export interface CardData {
  playbookWorkshop: PlaybookWorkshopCardData;
  workshop: WorkshopCardData;
  taskRow: WorkshopTaskRow;
  summary: SummaryCardData;
  setup: SetupCardData;
  choosePlaybook: ChoosePlaybookCardData;
  taskList: TaskListCardData;
  notice: NoticeCardData;
  help: HelpCardData;
  welcome: WelcomeCardData;
  digest: DigestCardData;
  keyInputs: KeyInputsCardData;
  keyOutputs: KeyOutputsCardData;
  history: HistoryCardData;
  confirmDelete: ConfirmDeleteCardData;
  report: ReportCardData;
  playbookUpdate: PlaybookUpdateCardData;
}

export type CardName = keyof CardData;
export const CARD_NAMES: readonly CardName[] = [
  'playbookWorkshop',
  'workshop',
  'taskRow',
  'summary',
  'setup',
  'choosePlaybook',
  'taskList',
  'notice',
  'help',
  'welcome',
  'digest',
  'keyInputs',
  'keyOutputs',
  'history',
  'confirmDelete',
  'report',
  'playbookUpdate',
];
