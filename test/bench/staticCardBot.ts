import { readFileSync } from 'node:fs';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import restify from 'restify';

/**
 * The benchmark's baseline: the same adapter and HTTP server as the bot, answering every card
 * action with one static card read at start (no store, no rendering).
 */
const card = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, unknown>;

class StaticCardBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke() {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: 'MultiTenant' }));
const bot = new StaticCardBot();
const server = restify.createServer();
server.use(restify.plugins.bodyParser());
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (turn) => bot.run(turn));
});
server.get('/healthz', async (_req, res) => {
  res.send(200, { status: 'ok' });
});
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1');
