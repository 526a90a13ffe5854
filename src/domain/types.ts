export interface Person {
  /** The Teams user id (29:...). */
  id: string;
  name: string;
  /** The Entra object id, when Teams sends one; it identifies a person across chats. */
  aadObjectId?: string;
}

export const TASK_STATUSES = ['notStarted', 'inProgress', 'done', 'notApplicable'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_ACTIONS = ['start', 'complete', 'notApplicable', 'reopen'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

export interface EngagementTask {
  id: string;
  name: string;
  workshop: string;
  mandatory: boolean;
  role: string;
  services: string[];
  status: TaskStatus;
  changedBy?: Person;
  changedAt?: string;
  note?: string;
  reason?: string;
  /** Set when the task was marked not applicable because none of its services is in scope. */
  outOfScope?: boolean;
  /**
   * Set when a newer version of the playbook no longer has the task: it keeps its state and history, and
   * leaves progress, task lists and reminders.
   */
  retired?: boolean;
}

export interface RoleAssignment {
  role: string;
  people: Person[];
}

export type AuditAction =
  | 'setUp'
  | TaskAction
  | 'outOfScope'
  | 'intoScope'
  | 'settingChanged'
  | 'inputConfirmed'
  | 'inputsOverridden'
  | 'areaAdded'
  | 'outputAnswered'
  | 'signedOff'
  | 'signOffCleared'
  | 'nextStepChosen'
  | 'deletionRequested'
  | 'deletionCancelled'
  | 'reportLinksRevoked'
  | 'playbookMigrated';

/** One change, with who made it, when, what it was about, and the value before and after. */
export interface AuditEvent {
  /** Numbers the engagement's events from 1, in order; set when the event is added to the trail. */
  seq?: number;
  at: string;
  actor: Person;
  action: AuditAction;
  /** Set for changes to a task. */
  taskId?: string;
  /** What a change other than a task's is about: a setting, a Key Input, an output area. */
  subject?: string;
  before?: string;
  after?: string;
  reason?: string;
  note?: string;
}

export interface Signature {
  by: Person;
  at: string;
}

/** Key Inputs are the playbook's; the engagement keeps who confirmed which, and a manager's override. */
export interface KeyInputsRecord {
  confirmed: (Signature & { input: string })[];
  override?: Signature & { reason: string };
}

export const OUTPUT_ANSWERS = ['enabled', 'notPlanned'] as const;
export type OutputAnswerKind = (typeof OUTPUT_ANSWERS)[number];

export interface OutputAnswer extends Signature {
  area: string;
  answer: OutputAnswerKind;
  /** YYYY-MM-DD, when the customer enabled it. */
  date?: string;
  note?: string;
  /** Why the customer does not plan to enable it: required for notPlanned. */
  reason?: string;
}

/** The customer's record of the Key Outputs: an answer per area, and their sign-off. */
export interface OutputsRecord {
  /** Features the customer added beyond the services in scope. */
  addedAreas: string[];
  answers: OutputAnswer[];
  /** `playbookVersion` is set when the engagement moved to a newer playbook after the sign-off was given. */
  signedOff?: Signature & { playbookVersion?: string };
}

export interface Completion extends Signature {
  /** The Next Step chosen, as the playbook words it. */
  nextStep: string;
}

export interface DeletionRequest extends Signature {
  /** Unguessable; the confirmation card carries it. */
  id: string;
  expiresAt: string;
}

export interface WorkshopPlan {
  name: string;
  /** YYYY-MM-DD */
  targetDate?: string;
}

/** A card the bot posted for this engagement, kept so it can be updated in place. */
export interface CardPost {
  card: string;
  activityId: string;
  /** The conversation (channel thread) it was posted in, when not the engagement's own. */
  conversationId?: string;
  /** Whose copy it is: a task list keeps the Start and Complete of the person who asked for it. */
  viewer?: Person;
}

export interface Engagement {
  id: string;
  /** Goes up by one with every stored change, so a newer copy is always recognisable. */
  revision: number;
  customerName: string;
  tenantId: string;
  teamId: string;
  /** The team's Entra group id, when Teams sent it at setup: links that open the channel need it. */
  teamGroupId?: string;
  channelId: string;
  /** Where the engagement's cards live: the channel conversation and its Bot Connector. */
  conversationId: string;
  serviceUrl: string;
  playbookId: string;
  playbookVersion: string;
  createdAt: string;
  createdBy: Person;
  roles: RoleAssignment[];
  customerContacts: Person[];
  servicesInScope: string[];
  workshops: WorkshopPlan[];
  tasks: EngagementTask[];
  /** The newest events of the trail; older ones are kept by the store outside this document. */
  audit: AuditEvent[];
  /** How many events the trail has in all (the seq of the newest). */
  auditCount?: number;
  keyInputs?: KeyInputsRecord;
  outputs?: OutputsRecord;
  /** Set when the FastTrack Manager chose the Next Step: the engagement is complete. */
  completion?: Completion;
  posts: CardPost[];
  /** A FastTrack Manager's open request to delete the engagement, until it is confirmed, cancelled or expires. */
  deletionRequest?: DeletionRequest;
  /** A newer version of the playbook offered to the FastTrack Manager, until it is applied. */
  playbookUpdate?: { version: string; offeredAt: string };
  /** Report links carry this number; revoking them all moves it on, so every link given before is refused. */
  reportLinkGeneration?: number;
  /** Set while someone is posting the engagement's cards (ISO time), so two people never post them twice. */
  postingSince?: string;
  /** Keys (Entra object id, else Teams id) of everyone with a role: lets a store find "my" engagements. */
  memberKeys: string[];
}

/** What the setup and settings cards edit: everything about an engagement but its progress. */
export interface EngagementSettings {
  customerName: string;
  roles: RoleAssignment[];
  customerContacts: Person[];
  servicesInScope: string[];
  workshops: WorkshopPlan[];
}
