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
}

export interface RoleAssignment {
  role: string;
  people: Person[];
}

export interface AuditEvent {
  at: string;
  actor: Person;
  taskId: string;
  action: TaskAction;
  before: TaskStatus;
  after: TaskStatus;
  reason?: string;
  note?: string;
}

export interface Engagement {
  id: string;
  customerName: string;
  tenantId: string;
  teamId: string;
  channelId: string;
  playbookId: string;
  playbookVersion: string;
  createdAt: string;
  createdBy: Person;
  roles: RoleAssignment[];
  customerContacts: Person[];
  servicesInScope: string[];
  tasks: EngagementTask[];
  audit: AuditEvent[];
}
