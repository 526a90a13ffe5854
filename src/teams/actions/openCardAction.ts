import { engagementOfAction } from '../turn/engagementOfTurn';
import { BadActionError } from '../turn/actionData';
import { SUMMARY_CARD } from '../views/cardKeys';
import { viewerOf } from '../turn/turnFacts';
import type { CardAction } from './types';

const CARD_KEY_BYTES = 200;

/**
 * A button that posts one of the engagement's cards again below, as its own message (anyone may press it:
 * it changes nothing), and answers with the clicked card, current. The clicked card names itself in `card`;
 * the summary's buttons, posted before they did, send none.
 */
export const openCardAction = (posted: string): CardAction => ({
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    const clicked = data.get('card') ?? SUMMARY_CARD;
    if (clicked.length > CARD_KEY_BYTES || !cards.views.hasCard(engagement, clicked)) {
      throw new BadActionError('This card is not one of this engagement.');
    }
    await cards.postAndRemember(turn, engagement, [posted]);
    return { kind: 'card', card: cards.views.render(engagement, clicked, viewerOf(turn)) };
  },
});
