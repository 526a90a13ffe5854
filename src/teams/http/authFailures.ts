import type { Logger } from '../../logger';
import type { Metrics } from '../../metrics';

const REPORT_EVERY_MS = 60_000;

/**
 * Refused requests are counted, not each logged with a stack: the first of a quiet period is logged with
 * its reason, then one line a minute says how many more there were.
 */
export class AuthFailures {
  private unreported = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {}

  record(status: 401 | 503, reason: string): void {
    this.metrics.add('auth.refused', { status: String(status) });
    if (this.timer) {
      this.unreported++;
      return;
    }
    this.logger.warn({ event: 'auth.refused', status, reason }, 'refused a request that could not be authenticated');
    this.timer = setTimeout(() => this.report(), REPORT_EVERY_MS).unref();
  }

  private report(): void {
    this.timer = undefined;
    if (this.unreported === 0) return;
    const count = this.unreported;
    this.unreported = 0;
    this.logger.warn(
      { event: 'auth.refused', count },
      `refused ${count} more requests that could not be authenticated`,
    );
    this.timer = setTimeout(() => this.report(), REPORT_EVERY_MS).unref();
  }
}
