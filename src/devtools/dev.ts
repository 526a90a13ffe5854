import { configFromProcess } from '../config';
import { startBot } from '../main';
import { startPlayground } from './playground';
import { playgroundFolderActingAs, playgroundUser, playgroundUserNames } from './playgroundUsers';

const PLAYGROUND_PORT = 56150;

/** `--as Lynne`: the Playground person the page acts as, to try the bot as a customer contact, say. */
function actingAs(args: string[]): { cwd?: string; who: string; oid: string } {
  const at = args.indexOf('--as');
  const user = playgroundUser(at < 0 ? 'Alex Wilber' : (args[at + 1] ?? ''));
  if (!user) throw new Error(`--as needs one of the Playground's people: ${playgroundUserNames().join(', ')}.`);
  return { ...(at >= 0 && { cwd: playgroundFolderActingAs(user) }), who: user.name, oid: user.aadObjectId };
}

/** `npm run dev`: the bot on the embedded store plus the Agents Playground, ready to chat. */
async function dev(): Promise<void> {
  const as = actingAs(process.argv.slice(2));
  const config = configFromProcess();
  const bot = await startBot(config);
  const playground = await startPlayground(`${bot.url}/api/messages`, { port: PLAYGROUND_PORT, cwd: as.cwd });
  console.log(
    `\n  Security Workshops bot is ready.\n  Open ${playground.url} and type "workshops" (you are ${as.who}).` +
      `\n  Your portfolio tab: ${bot.url}/tabs/portfolio?user=${as.oid}\n`,
  );
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
