import { MessageFactory } from 'botbuilder';
import { choosePlaybookView, setupView } from '../views/setup';
import type { CommandContext } from './types';

/** Posts the setup card; with several playbooks loaded, first the card that asks which one. */
export async function offerSetup({ turn, deps }: Pick<CommandContext, 'turn' | 'deps'>): Promise<void> {
  const [only, ...others] = deps.catalog.playbooks;
  const card =
    only && others.length === 0
      ? deps.renderer.attachment('setup', setupView(only, await deps.roster.of(turn)))
      : deps.renderer.attachment('choosePlaybook', choosePlaybookView(deps.catalog.playbooks));
  await turn.sendActivity(MessageFactory.attachment(card));
}
