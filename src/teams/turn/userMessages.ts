import { NotFoundError } from '../../app/versionedWrites';
import { plain, STATUS_TEXT } from '../views/format';
import {
  DomainError,
  ForbiddenActorError,
  InvalidInputError,
  InvalidTransitionError,
  StateError,
  UnknownTaskError,
} from '../../domain/errors';
import type { TaskAction, TaskStatus } from '../../domain/types';
import { BadActionError } from './actionData';

const ACTION_TEXT: Record<TaskAction, string> = {
  start: 'start',
  complete: 'complete',
  notApplicable: 'mark not applicable',
  reopen: 'reopen',
};

/** How a sentence names the fields that the domain calls by their property names; a role keeps its name. */
const FIELD_NAMES: Record<string, string> = {
  customerContacts: 'the customer contacts',
  servicesInScope: 'the services in scope',
  targetDate: 'the target date',
  days: 'the number of days',
};
const fieldName = (field: string): string =>
  FIELD_NAMES[field] ?? (/^[a-z]/.test(field) ? `the ${field}` : `the ${plain(field)} field`);

/** What is wrong with what a person entered, as a sentence; it says nothing of what was or was not changed. */
export function problemText(error: InvalidInputError | StateError): string {
  // The domain's sentences can quote what people typed (a feature, a name): shown as plain text.
  if (error instanceof InvalidInputError) return `Please check ${fieldName(error.field)}: it ${plain(error.problem)}.`;
  return plain(error.problem);
}

/** A short sentence for the person; the detail stays in the logs. Undefined for unexpected errors. */
export function userMessage(error: unknown): string | undefined {
  if (error instanceof BadActionError) return error.reason;
  if (error instanceof ForbiddenActorError) {
    return `Only ${error.requiredRoles.join(' or ')} can do that here. Nothing was changed.`;
  }
  if (error instanceof InvalidTransitionError) {
    const verb = ACTION_TEXT[error.action as TaskAction] ?? error.action;
    const status = STATUS_TEXT[error.from as TaskStatus] ?? error.from;
    return `Task ${error.taskId} is ${status.toLowerCase()}, so you can't ${verb} it now. Nothing was changed.`;
  }
  if (error instanceof UnknownTaskError) return `There is no task ${plain(error.taskId)} in this engagement.`;
  if (error instanceof InvalidInputError) return problemText(error);
  if (error instanceof StateError) return `${problemText(error)} Nothing was changed.`;
  if (error instanceof NotFoundError) return 'There is no engagement here yet. Type **workshops** to set one up.';
  if (error instanceof DomainError) return 'That could not be done. Nothing was changed.';
  return undefined;
}
