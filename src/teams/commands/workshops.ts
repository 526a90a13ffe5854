import { MessageFactory } from 'botbuilder';
import { engagementOfTurn } from '../turn/engagementOfTurn';
import { SUMMARY_CARD } from '../views/cardKeys';
import { isPersonal } from '../turn/turnFacts';
import { playbookWorkshopView } from '../views/catalog';
import { offerSetup } from './offerSetup';
import type { Command } from './types';

export const workshopsCommand: Command = {
  name: 'workshops',
  usage: 'workshops',
  description: "One card per workshop with its FTOP tasks; in a customer's channel, the live checklist.",
  scope: 'all',
  async run(context) {
    const { turn, deps, cards } = context;
    const engagement = isPersonal(turn) ? undefined : await engagementOfTurn(turn, deps);
    if (engagement) {
      await cards.postAndRemember(turn, engagement.value, [
        ...cards.views.workshopKeys(engagement.value),
        SUMMARY_CARD,
      ]);
      return;
    }
    const footer = 'Task ID · name, then Mandatory/Optional · FastTrack role · services.';
    const read = deps.catalog.playbooks.flatMap((playbook) =>
      playbook.workshops.map((w) =>
        MessageFactory.attachment(
          deps.renderer.attachment('playbookWorkshop', playbookWorkshopView(playbook, w, footer)),
        ),
      ),
    );
    await turn.sendActivities(read);
    if (!isPersonal(turn)) await offerSetup(context);
  },
};
