import { readFileSync } from 'node:fs';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import restify from 'restify';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import { TeamsAdapter } from '../../src/teams/http/adapter';
import { serialiseOnce } from '../../src/teams/jsonText';
import { cardUpdateJob, OutboundQueue } from '../../src/teams/outbound/outboundQueue';

/**
 * The benchmark's baseline: the bot's own adapter and HTTP server, answering every card action with one
 * static card read at start (no store, no rendering). Like the bot, each action then updates two posted
 * copies in the background (the clicked card and the engagement's summary) with a card of the same size,
 * through the same outbound queue and Bot Connector client, merged the same way while queued.
 */
const card = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, unknown>;
// Serialised once, as the bot does each card it renders: its updates reuse the text.
serialiseOnce(card);
const attachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: card };

const logger = createLogger('silent');
const adapter = new TeamsAdapter({}, logger, { timeoutMs: 10_000, maxSockets: 32 });
const queue = new OutboundQueue(logger, new Metrics());

function updateCopies(turn: TurnContext): void {
  const { serviceUrl, conversation, replyToId } = turn.activity;
  const to = { serviceUrl, conversationId: conversation.id };
  for (const activityId of [replyToId ?? `${conversation.id}:clicked`, `${conversation.id}:summary`]) {
    const send = async () => {
      await adapter.connector.update(to, activityId, { type: 'message', attachments: [attachment] });
    };
    queue.enqueue(cardUpdateJob(`${serviceUrl}|${conversation.id}`, activityId, {}, send));
  }
}

class StaticCardBot extends ActivityHandler {
  protected override async onAdaptiveCardInvoke(turn: TurnContext) {
    updateCopies(turn);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

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
