import { configFromProcess } from '../config';
import { startBot } from '../main';
import { startPlayground } from './playground';

const PLAYGROUND_PORT = 56150;

/** `npm run dev`: the bot on the embedded store plus the Agents Playground, ready to chat. */
async function dev(): Promise<void> {
  const config = configFromProcess();
  const bot = await startBot(config);
  const playground = await startPlayground(`${bot.url}/api/messages`, { port: PLAYGROUND_PORT });
  console.log(`\n  Security Workshops bot is ready.\n  Open ${playground.url} and type "workshops".\n`);
  const stop = (): void => {
    void Promise.all([playground.stop(), bot.close()]);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  playground.process.once('exit', () => void bot.close());
}

dev().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
