import { MessageFactory } from 'botbuilder';
import { helpView } from '../views';
import type { Command } from './types';

export function helpCommand(all: () => readonly Command[]): Command {
  return {
    name: 'help',
    usage: 'help',
    description: 'What I can do and how to ask.',
    async run({ turn, deps, inChannel }) {
      await turn.sendActivity(MessageFactory.attachment(deps.cards.attachment('help', helpView(all(), inChannel))));
    },
  };
}
