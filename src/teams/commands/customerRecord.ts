import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD } from '../publish';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

export const inputsCommand: Command = {
  name: 'inputs',
  usage: 'inputs',
  description: "The playbook's Key Inputs, for FastTrack staff to confirm.",
  scope: 'conversation',
  run: withEngagement(async ({ turn, cards }, engagement) => {
    await cards.postAndRemember(turn, engagement, [KEY_INPUTS_CARD]);
  }),
};

export const outputsCommand: Command = {
  name: 'outputs',
  usage: 'outputs',
  description: "The Key Outputs, for the customer's contacts to answer and sign off.",
  scope: 'conversation',
  run: withEngagement(async ({ turn, cards }, engagement) => {
    await cards.postAndRemember(turn, engagement, [KEY_OUTPUTS_CARD]);
  }),
};
