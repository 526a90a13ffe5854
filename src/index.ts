import pino from 'pino';
import { ConfigError, configFromProcess } from './config';
import { createLogger, type Logger } from './logger';
import { startBot } from './main';

let logger: Logger = createLogger('info');

// Node's own warnings (deprecations from dependencies) become structured lines like every other log line.
process.removeAllListeners('warning');
process.on('warning', (warning: Error & { code?: string }) => {
  logger.warn({ event: 'node.warning', name: warning.name, code: warning.code }, warning.message);
});

async function main(): Promise<void> {
  const config = configFromProcess();
  logger = createLogger(config.logLevel);
  const bot = await startBot(config, { logger });
  const stop = (): void => {
    logger.info({ event: 'shutdown' }, 'stopping: finishing in-flight requests and card updates');
    bot.close().then(
      () => (process.exitCode = 0),
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exitCode = 1;
      },
    );
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
