import { MessageFactory } from 'botbuilder';
import { playbookWorkshopView } from '../views';
import type { Command } from './types';

export const workshopsCommand: Command = {
  name: 'workshops',
  usage: 'workshops',
  description: 'One card per workshop with its FTOP tasks: ID, name, mandatory or optional, role and services.',
  async run({ turn, deps }) {
    const footer = 'Task ID · name, then Mandatory/Optional · FastTrack role · services.';
    const cards = deps.catalog.playbooks.flatMap((playbook) =>
      playbook.workshops.map((workshop) =>
        MessageFactory.attachment(deps.cards.attachment('workshop', playbookWorkshopView(playbook, workshop, footer))),
      ),
    );
    await turn.sendActivities(cards);
  },
};
