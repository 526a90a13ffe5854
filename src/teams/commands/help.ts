import { MessageFactory } from 'botbuilder';
import { helpView } from '../views/catalog';
import type { Command } from './types';

export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    usage: 'help',
    description: 'What I can do and how to ask.',
    scope: 'all',
    async run({ turn, deps, inChannel }) {
      const offered = all().filter((c) => c.scope === 'all' || (c.scope === 'conversation') === inChannel);
      await turn.sendActivity(
        MessageFactory.attachment(deps.renderer.attachment('help', helpView(offered, inChannel))),
      );
    },
  };
}
