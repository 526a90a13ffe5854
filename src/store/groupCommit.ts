/** What became of one write of a group: its result, or why it failed. */
export type Outcome<R> = { stored: R } | { failed: unknown };

interface Queued<W, R> {
  write: W;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Writes asked for in one turn of the event loop, committed together: one transaction, so one commit's
 * cost, for the clicks that arrived together. A write's promise settles only once its commit is done (or
 * failed), so nothing is answered before it is stored. `commit` gives each write's own outcome; if it
 * throws, the whole transaction was rolled back and every write in it fails with that error.
 */
export class GroupCommit<W, R> {
  private queue: Queued<W, R>[] = [];

  constructor(private readonly commit: (writes: W[]) => Outcome<R>[]) {}

  submit(write: W): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (this.queue.length === 0) setImmediate(() => this.flush());
      this.queue.push({ write, resolve, reject });
    });
  }

  /** Commits what is queued now; also called before the database closes. */
  flush(): void {
    const batch = this.queue;
    if (batch.length === 0) return;
    this.queue = [];
    let outcomes: Outcome<R>[];
    try {
      outcomes = this.commit(batch.map((queued) => queued.write));
    } catch (error) {
      for (const queued of batch) queued.reject(error);
      return;
    }
    batch.forEach((queued, i) => {
      const outcome = outcomes[i]!;
      if ('stored' in outcome) queued.resolve(outcome.stored);
      else queued.reject(outcome.failed);
    });
  }
}
