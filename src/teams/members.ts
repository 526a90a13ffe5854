import type { TeamsChannelAccount, TurnContext } from 'botbuilder';
import { cleanName } from '../domain/text';
import type { Person } from '../domain/types';
import type { Logger } from '../logger';
import type { TeamsAdapter } from './adapter';
import { teamOf } from './turn';

/** The people of the team or group chat, for the people pickers; empty where Teams has no roster. */
export async function conversationMembers(turn: TurnContext, logger: Logger): Promise<Person[]> {
  if (turn.activity.conversation?.conversationType === 'personal') return [];
  try {
    const { connector } = turn.adapter as TeamsAdapter;
    const members = (await connector.members(
      { serviceUrl: turn.activity.serviceUrl, conversationId: teamOf(turn) },
      500,
    )) as TeamsChannelAccount[];
    return members.map((m) => ({
      id: m.id,
      name: cleanName(m.name || m.email, m.id),
      ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
    }));
  } catch (error) {
    logger.warn({ err: error }, 'could not read the conversation members');
    return [];
  }
}
