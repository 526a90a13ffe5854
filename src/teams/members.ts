import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { Person } from '../domain/types';
import type { Logger } from '../logger';

/** The people of the team or group chat, for the people pickers; empty where Teams has no roster. */
export async function conversationMembers(turn: TurnContext, logger: Logger): Promise<Person[]> {
  if (turn.activity.conversation?.conversationType === 'personal') return [];
  try {
    const { members } = await TeamsInfo.getPagedMembers(turn, 500);
    return members.map((m) => ({
      id: m.id,
      name: m.name || m.email || m.id,
      ...(m.aadObjectId && { aadObjectId: m.aadObjectId }),
    }));
  } catch (error) {
    logger.warn({ err: error }, 'could not read the conversation members');
    return [];
  }
}
