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

/**
 * Teams counts a call when it arrives, a little after it leaves: a window is kept this much longer, so
 * that the count Teams sees never exceeds the limit.
 */
const ARRIVAL_MARGIN_MS = 30;

/** Sliding windows of recent sends: when the next send may go without exceeding any of them. */
export class SendWindows {
  private readonly times: number[] = [];
  private readonly keep: number;

  constructor(private readonly windows: readonly Window[]) {
    this.keep = Math.max(...windows.map((w) => w.max));
  }

  /** The earliest time, at or after `now`, at which one more send stays within every window. */
  nextFree(now: number): number {
    let at = now;
    for (const { ms, max } of this.windows) {
      if (this.times.length < max) continue;
      const oldest = this.times[this.times.length - max]!;
      at = Math.max(at, oldest + ms + ARRIVAL_MARGIN_MS);
    }
    return at;
  }

  record(now: number): void {
    this.times.push(now);
    if (this.times.length > this.keep) this.times.splice(0, this.times.length - this.keep);
  }

  lastAt(): number {
    return this.times[this.times.length - 1] ?? 0;
  }
}
