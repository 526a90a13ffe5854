import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD, SUMMARY_CARD } from '../views/cardKeys';
import type { Command, CommandName } from './types';
import { withEngagement } from './withEngagement';

/** A command that posts one of the engagement's live cards, which is then kept current. */
function postCardCommand(name: CommandName, description: string, card: string): Command {
  return {
    name,
    usage: name,
    description,
    scope: 'conversation',
    run: withEngagement(async ({ turn, cards }, engagement) => {
      await cards.postAndRemember(turn, engagement, [card]);
    }),
  };
}

export const statusCommand = postCardCommand(
  'status',
  'The engagement summary: mandatory progress per workshop and per role.',
  SUMMARY_CARD,
);

export const inputsCommand = postCardCommand(
  'inputs',
  "The playbook's Key Inputs, for FastTrack staff to confirm.",
  KEY_INPUTS_CARD,
);

export const outputsCommand = postCardCommand(
  'outputs',
  "The Key Outputs, for the customer's contacts to answer and sign off.",
  KEY_OUTPUTS_CARD,
);
