/** Counters the bot keeps about itself; telemetry exports them, tests and the reliability suite read them. */
export const METRIC_NAMES = [
  'cardUpdates.sent',
  'cardUpdates.retried',
  'cardUpdates.givenUp',
  'messages.sent',
  'messages.retried',
  'messages.givenUp',
  'outbound.timedOut',
  'auth.refused',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

export type MetricListener = (name: MetricName, value: number, attributes: Record<string, string>) => void;

export class Metrics {
  private readonly counts = new Map<MetricName, number>();
  private readonly listeners: MetricListener[] = [];

  add(name: MetricName, attributes: Record<string, string> = {}, value = 1): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + value);
    for (const listener of this.listeners) listener(name, value, attributes);
  }

  count(name: MetricName): number {
    return this.counts.get(name) ?? 0;
  }

  onAdd(listener: MetricListener): void {
    this.listeners.push(listener);
  }
}
