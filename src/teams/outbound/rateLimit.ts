/** Teams' limits for a bot: per conversation, and for the whole app in a tenant. */
export const CONVERSATION_LIMITS: readonly Window[] = [
  { ms: 1000, max: 7 },
  { ms: 2000, max: 8 },
  { ms: 30_000, max: 60 },
];
export const APP_LIMITS: readonly Window[] = [{ ms: 1000, max: 50 }];

export interface Window {
  ms: number;
  max: number;
}

/** A send counted in the windows from when it leaves; `done` dates it when its answer is back. */
export interface SendSlot {
  done(now: number): void;
}

/**
 * Sliding windows of recent sends: when the next send may go without exceeding any of them. Teams counts a
 * call when it arrives, some time after it leaves and before its answer is back. So a send occupies its
 * windows from the moment it leaves, and is dated by the moment its answer came back: never earlier than
 * Teams dated it, so the count Teams sees never exceeds the limit, however slow the network.
 */
export class SendWindows {
  /** Completion times, oldest first; sends still in flight are counted apart, as later than any of them. */
  private readonly times: number[] = [];
  private inFlight = 0;
  private readonly keep: number;

  constructor(private readonly windows: readonly Window[]) {
    this.keep = Math.max(...windows.map((w) => w.max));
  }

  /** The earliest time, at or after `now`, at which one more send stays within every window; Infinity until a send in flight comes back. */
  nextFree(now: number): number {
    let at = now;
    for (const { ms, max } of this.windows) {
      const counted = this.times.length + this.inFlight;
      if (counted < max) continue;
      const oldest = counted - max;
      if (oldest >= this.times.length) return Infinity;
      at = Math.max(at, this.times[oldest]! + ms);
    }
    return at;
  }

  begin(): SendSlot {
    this.inFlight++;
    let open = true;
    return {
      done: (now: number) => {
        if (!open) return;
        open = false;
        this.inFlight--;
        this.times.push(now);
        if (this.times.length > this.keep) this.times.splice(0, this.times.length - this.keep);
      },
    };
  }

  lastAt(): number {
    return this.times[this.times.length - 1] ?? 0;
  }

  get busy(): boolean {
    return this.inFlight > 0;
  }
}
