import { readFileSync } from 'node:fs';
import { ActivityHandler, type TurnContext } from 'botbuilder';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import { createServer } from '../../src/server';
import { TeamsAdapter } from '../../src/teams/http/adapter';
import { AuthFailures } from '../../src/teams/http/authFailures';
import { messagesEndpoint } from '../../src/teams/http/endpoint';
import { parsedWhenRead } from '../../src/teams/jsonText';
import { cardUpdateJob, OutboundQueue } from '../../src/teams/outbound/outboundQueue';

/**
 * The benchmark's baseline: the bot's own HTTP server, messages endpoint and adapter, with the bot's logic
 * replaced by static cards read at start (no store, no rendering): for each task, the card the bot shows
 * for the task's workshop, so each answer is as large as the bot's. Like the bot, it gives its cards as
 * JSON text, and each action then updates two posted copies in the background (the clicked card and the
 * engagement's summary) with that card, through the same outbound queue and Bot Connector client, merged
 * the same way while queued.
 */
const cards = new Map(
  Object.entries(JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Record<string, unknown>).map(
    ([taskId, card]) => [taskId, parsedWhenRead(JSON.stringify(card))],
  ),
);

function cardFor(turn: TurnContext): Record<string, unknown> {
  const value = turn.activity.value as { action?: { data?: { taskId?: unknown } } } | undefined;
  const taskId = String(value?.action?.data?.taskId);
  const card = cards.get(taskId);
  // No quiet fallback: a click the baseline has no card for fails, and the bench counts it as a failure.
  if (!card) throw new Error(`the baseline has no card for task ${taskId}`);
  return card;
}

const logger = createLogger('silent');
const metrics = new Metrics();
const adapter = new TeamsAdapter({}, logger, { timeoutMs: 10_000, maxSockets: 32 });
const queue = new OutboundQueue(logger, metrics);

function updateCopies(turn: TurnContext, card: Record<string, unknown>): void {
  const { serviceUrl, conversation, replyToId } = turn.activity;
  const attachment = { contentType: 'application/vnd.microsoft.card.adaptive', content: card };
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
    const card = cardFor(turn);
    updateCopies(turn, card);
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
  }
}

const bot = new StaticCardBot();
const messages = messagesEndpoint(adapter, (turn) => bot.run(turn), new AuthFailures(logger, metrics), logger, 10_000);
const server = createServer({ messages, store: { kind: 'sqlite', ping: async () => undefined }, logger });
server.listen(Number(process.argv[3] ?? 0), '127.0.0.1');
