import { engagementOfAction } from '../turn/engagementOfTurn';
import { viewerOf } from '../turn/turnFacts';
import { BadActionError, requiredField } from '../turn/actionData';
import type { CardAction } from './types';

/**
 * Universal Actions' refresh: Teams sends it when a listed person opens a card, and the answer is their own
 * copy, current, with the buttons they may press. The actions still check permissions on every click.
 */
export const refreshCardAction: CardAction = {
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    const key = requiredField(data, 'card', 200);
    if (!cards.views.hasCard(engagement, key)) throw new BadActionError('This card is not one of this engagement.');
    return { kind: 'card', card: cards.views.render(engagement, key, viewerOf(turn)) };
  },
};
