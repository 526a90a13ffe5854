import pino from 'pino';
import { ConfigError, configFromProcess } from './config';
import { createLogger, type Logger } from './logger';
import { Metrics } from './metrics';
import { startTelemetry } from './telemetry';

let logger: Logger = createLogger('info');

// Node's own warnings (deprecations from dependencies) become structured lines like every other log line.
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  logger.warn({ event: 'node.warning', name: warning.name, code: warning.code }, warning.message);
});

async function main(): Promise<void> {
  const config = configFromProcess();
  logger = createLogger(config.logLevel);
  const metrics = new Metrics();
  const telemetry = config.telemetryConnectionString
    ? await startTelemetry(config.telemetryConnectionString)
    : undefined;
  telemetry?.count(metrics);
  // Loaded after telemetry starts, so that its instrumentation sees the HTTP server and clients.
  const { startBot } = await import('./main');
  const bot = await startBot(config, { logger, metrics });
  const stop = (): void => {
    logger.info({ event: 'shutdown' }, 'stopping: finishing in-flight requests and card updates');
    bot
      .close()
      .then(
        () => (process.exitCode = 0),
        (error: unknown) => {
          logger.error({ err: error }, 'stopping failed');
          process.exitCode = 1;
        },
      )
      .then(() => telemetry?.stop())
      .catch((error: unknown) => logger.warn({ err: error }, 'could not send the last telemetry'));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const fatal = pino({ base: undefined }, pino.destination(2));
  if (error instanceof ConfigError) fatal.fatal({ problems: error.problems }, error.message);
  else fatal.fatal({ err: error }, 'the bot could not start');
  process.exitCode = 1;
});
