import type { Notifier } from '../app/digestDelivery';
import type { BotCredentials } from '../config';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { CardRenderer } from './cards/renderer';
import { TeamsNotifier } from './cards/digestNotifier';
import { TeamsAdapter } from './http/adapter';
import { OutboundQueue } from './outbound/outboundQueue';
import { TeamRoster } from './turn/roster';

export interface AuthSettings {
  credentials?: BotCredentials;
  openIdMetadataUrl?: string;
}

export interface OutboundSettings {
  timeoutMs: number;
  maxSockets: number;
}

/** The bot's line to Teams: the adapter, its bounded HTTP client, and the queue of what is sent unasked. */
export class TeamsConnection {
  readonly adapter: TeamsAdapter;
  readonly queue: OutboundQueue;
  readonly roster: TeamRoster;
  /** The deadline of every call to the Bot Connector, and of every turn. */
  readonly timeoutMs: number;
  private readonly botId: string;

  constructor(auth: AuthSettings, outbound: OutboundSettings, logger: Logger, metrics: Metrics) {
    this.adapter = new TeamsAdapter(auth, logger.child({ component: 'adapter' }), outbound);
    this.queue = new OutboundQueue(logger.child({ component: 'outbound' }), metrics);
    this.roster = new TeamRoster(this.adapter.connector, logger);
    this.timeoutMs = outbound.timeoutMs;
    this.botId = `28:${auth.credentials?.appId ?? ''}`;
  }

  /** Sends digests to people's 1:1 chats. */
  notifier(renderer: CardRenderer): Notifier {
    return new TeamsNotifier(this.adapter.connector, this.queue, renderer, this.botId);
  }

  /** Open sockets to the Bot Connector. */
  openSockets(): number {
    return this.adapter.http.openSockets();
  }

  /** Gives up on what is still queued and closes every socket. */
  close(): void {
    this.queue.close();
    this.adapter.http.close();
  }
}
