import type { Engagement } from '../../domain/types';
import { engagementOfTurn } from '../turn/engagementOfTurn';
import type { CommandContext } from './types';

export const NO_ENGAGEMENT = 'There is no engagement here yet. Type **workshops** to see the playbook and set one up.';

/**
 * A command about this channel's engagement: without one, the person is told how to set it up. Cards that
 * setup could not post (Teams refused or did not answer) are posted first.
 */
export function withEngagement(
  run: (context: CommandContext, engagement: Engagement) => Promise<void>,
): (context: CommandContext) => Promise<void> {
  return async (context) => {
    const found = await engagementOfTurn(context.turn, context.deps);
    if (!found) return void (await context.turn.sendActivity(NO_ENGAGEMENT));
    await context.cards.postMissing(context.turn, found.value);
    await run(context, found.value);
  };
}
