import { ConfigError, configFromProcess } from './config';
import { startBot } from './main';

async function main(): Promise<void> {
  const bot = await startBot(configFromProcess());
  const stop = (): void => {
    bot.close().then(
      () => (process.exitCode = 0),
      () => (process.exitCode = 1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exitCode = 1;
});
