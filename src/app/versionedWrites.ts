/** What both stores write: documents with an etag, written only if the etag still matches. */

export interface Versioned<T> {
  value: T;
  etag: string;
}

/** The stored engagement's etag no longer matches: someone else wrote first. Re-read and retry. */
export class ConflictError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} was changed by someone else`);
    this.name = 'ConflictError';
  }
}

export class AlreadyExistsError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} already exists`);
    this.name = 'AlreadyExistsError';
  }
}

export class NotFoundError extends Error {
  constructor(readonly id: string) {
    super(`engagement ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}
