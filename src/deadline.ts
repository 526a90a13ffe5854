/** Settles like `work`, or rejects with `late()` once `ms` have passed, whichever comes first. */
export function withDeadline<T>(work: Promise<T>, ms: number, late: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(late()), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

export class DeadlineError extends Error {
  constructor(readonly operation: string) {
    super(`${operation} did not finish in time`);
    this.name = 'DeadlineError';
  }
}
