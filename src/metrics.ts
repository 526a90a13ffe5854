/** Counters the bot keeps about itself; telemetry exports them, tests and the reliability suite read them. */
export const METRIC_NAMES = [
  'cardUpdates.sent',
  'cardUpdates.retried',
  'cardUpdates.givenUp',
  /** Posted copies showing an older state because their update was given up: goes down as they are recovered. */
  'cardUpdates.stale',
  'messages.sent',
  'messages.retried',
  'messages.givenUp',
  'outbound.timedOut',
  'auth.refused',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** Metrics that go down as well as up; the others only count. */
export const UP_DOWN_METRICS: readonly MetricName[] = ['cardUpdates.stale'];

export type MetricListener = (name: MetricName, value: number, attributes: Record<string, string>) => void;

export class Metrics {
  /** Per name, the count for each distinct set of attributes. */
  private readonly counts = new Map<MetricName, Map<string, { attributes: Record<string, string>; value: number }>>();
  private readonly listeners: MetricListener[] = [];

  add(name: MetricName, attributes: Record<string, string> = {}, value = 1): void {
    const byAttributes = this.counts.get(name) ?? new Map();
    const key = JSON.stringify(Object.entries(attributes).sort());
    const entry = byAttributes.get(key) ?? { attributes, value: 0 };
    entry.value += value;
    byAttributes.set(key, entry);
    this.counts.set(name, byAttributes);
    for (const listener of this.listeners) listener(name, value, attributes);
  }

  /** The count of `name`, only of the additions whose attributes include `where` when it is given. */
  count(name: MetricName, where: Record<string, string> = {}): number {
    let total = 0;
    for (const { attributes, value } of this.counts.get(name)?.values() ?? []) {
      if (Object.entries(where).every(([k, v]) => attributes[k] === v)) total += value;
    }
    return total;
  }

  onAdd(listener: MetricListener): void {
    this.listeners.push(listener);
  }
}
