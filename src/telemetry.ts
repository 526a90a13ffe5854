import { metrics as otelMetrics, trace } from '@opentelemetry/api';
import { METRIC_NAMES, UP_DOWN_METRICS, type Metrics } from './metrics';

export interface Telemetry {
  /** Exports the bot's counters (card updates sent, retried, given up; refused requests) as metrics. */
  count(metrics: Metrics): void;
  /** Sends what is buffered and stops. */
  stop(): Promise<void>;
}

/**
 * Application Insights through OpenTelemetry: incoming requests, outbound calls (Teams, Cosmos DB) and
 * exceptions, plus the bot's own counters labelled with engagement ids only. Started before the server
 * so that its HTTP instrumentation sees every request.
 */
export async function startTelemetry(connectionString: string): Promise<Telemetry> {
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({
    azureMonitorExporterOptions: { connectionString, disableOfflineStorage: true },
    enableLiveMetrics: false,
  });
  return {
    count(metrics) {
      const meter = otelMetrics.getMeter('security-workshops-bot');
      const counters = new Map(
        METRIC_NAMES.map((name) => [
          name,
          UP_DOWN_METRICS.includes(name) ? meter.createUpDownCounter(name) : meter.createCounter(name),
        ]),
      );
      metrics.onAdd((name, value, attributes) => counters.get(name)?.add(value, attributes));
    },
    stop: () => shutdownAzureMonitor(),
  };
}

/** Marks the request being handled as failed with this error; does nothing when telemetry is off. */
export function recordException(error: unknown): void {
  trace.getActiveSpan()?.recordException(error instanceof Error ? error : String(error));
}
