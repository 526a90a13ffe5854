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
}

export interface RoleAssignment {
  role: string;
  people: Person[];
}

export type AuditAction = TaskAction | 'outOfScope' | 'intoScope';

export interface AuditEvent {
  at: string;
  actor: Person;
  taskId: string;
  action: AuditAction;
  before: TaskStatus;
  after: TaskStatus;
  reason?: string;
  note?: string;
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
}

export interface Engagement {
  id: string;
  /** Goes up by one with every stored change, so a newer copy is always recognisable. */
  revision: number;
  customerName: string;
  tenantId: string;
  teamId: string;
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
  audit: AuditEvent[];
  posts: CardPost[];
  /** Set while someone is posting the engagement's cards (ISO time), so two people never post them twice. */
  postingSince?: string;
  /** Keys (Entra object id, else Teams id) of everyone with a role: lets a store find "my" engagements. */
  memberKeys: string[];
}
