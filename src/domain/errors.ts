/** Errors the domain names; the Teams edge turns each into a short message for the person. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class UnknownTaskError extends DomainError {
  readonly code = 'unknownTask';
  constructor(readonly taskId: string) {
    super(`no task ${taskId} in this engagement`);
  }
}

export class ForbiddenActorError extends DomainError {
  readonly code = 'forbidden';
  constructor(
    readonly actorId: string,
    readonly requiredRoles: string[],
  ) {
    super(`actor ${actorId} is not one of: ${requiredRoles.join(', ')}`);
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = 'invalidTransition';
  constructor(
    readonly taskId: string,
    readonly action: string,
    readonly from: string,
  ) {
    super(`cannot ${action} task ${taskId} while it is ${from}`);
  }
}

export class InvalidInputError extends DomainError {
  readonly code = 'invalidInput';
  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

/** The engagement is not in a state that allows this (already signed off, not everything answered, ...). */
export class StateError extends DomainError {
  readonly code = 'state';
  constructor(readonly problem: string) {
    super(problem);
  }
}
