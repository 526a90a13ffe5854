import type { Digests, SweepResult } from '../app/digests';
import type { Logger } from '../logger';

/**
 * Looks for due digests every `intervalMs`, one sweep at a time. Nothing is held in memory between
 * sweeps: what is due, claimed and sent lives in the store, so a restart or a second instance is safe.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly digests: Digests,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(this.intervalMs);
  }

  /** Runs one sweep now (between scheduled ones). */
  async sweepNow(): Promise<SweepResult | undefined> {
    if (this.running) await this.running;
    let result: SweepResult | undefined;
    this.running = this.digests
      .sweep()
      .then((r) => {
        result = r;
        if (r.due > 0) this.logger.info({ event: 'reminders.sweep', ...r }, 'reminder sweep');
      })
      .catch((error: unknown) => this.logger.error({ err: error }, 'reminder sweep failed'))
      .finally(() => (this.running = undefined));
    await this.running;
    return result;
  }

  /** Stops looking; a sweep in flight finishes its sends. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.sweepNow().then(() => this.schedule(this.intervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
