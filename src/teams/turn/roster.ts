import type { TeamsChannelAccount, TurnContext } from 'botbuilder';
import { cleanName } from '../../domain/text';
import type { Person } from '../../domain/types';
import type { Logger } from '../../logger';
import type { BotConnector } from '../outbound/botConnector';
import { teamOf } from './turnFacts';

const PAGE_SIZE = 500;

/** The people of a team or group chat, read from the Bot Connector, for the people pickers. */
export class TeamRoster {
  constructor(
    private readonly connector: Pick<BotConnector, 'members'>,
    private readonly logger: Logger,
  ) {}

  /** The members of the turn's team or chat; empty in a 1:1 chat or where Teams has no roster. */
  async of(turn: TurnContext): Promise<Person[]> {
    if (turn.activity.conversation?.conversationType === 'personal') return [];
    try {
      const members = (await this.connector.members(
        { serviceUrl: turn.activity.serviceUrl, conversationId: teamOf(turn) },
        PAGE_SIZE,
      )) as TeamsChannelAccount[];
      return members.map((m) => ({
        id: m.id,
        name: cleanName(m.name || m.email, m.id),
        ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
      }));
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the conversation members');
      return [];
    }
  }
}
