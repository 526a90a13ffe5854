import { MessageFactory } from 'botbuilder';
import { conversationMembers } from '../members';
import { choosePlaybookView, setupView } from '../views/setup';
import type { CommandContext } from './types';

/** Posts the setup card; with several playbooks loaded, first the card that asks which one. */
export async function offerSetup({ turn, deps }: Pick<CommandContext, 'turn' | 'deps'>): Promise<void> {
  const [only, ...others] = deps.catalog.playbooks;
  const card =
    only && others.length === 0
      ? deps.cards.attachment('setup', setupView(only, await conversationMembers(turn, deps.logger)))
      : deps.cards.attachment('choosePlaybook', choosePlaybookView(deps.catalog.playbooks));
  await turn.sendActivity(MessageFactory.attachment(card));
}
