import type { Engagement } from '../../domain/types';
import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD, SUMMARY_CARD, workshopCardKey, workshopKeysOf } from '../views/cardKeys';

/** What a handler changed, in the terms that decide which posted cards show it. */
export type EngagementChange =
  | { kind: 'task'; taskId: string }
  | { kind: 'keyInputs' }
  | { kind: 'keyOutputs' }
  | { kind: 'nextStep' }
  | { kind: 'settings' };

/** The one rule of what to refresh: the cards that show what `change` changed. */
export function cardsShowing(engagement: Engagement, change: EngagementChange): string[] {
  switch (change.kind) {
    case 'task': {
      const workshop = engagement.tasks.find((t) => t.id === change.taskId)?.workshop;
      return workshop === undefined ? [SUMMARY_CARD] : [SUMMARY_CARD, workshopCardKey(workshop)];
    }
    case 'keyInputs':
      // The workshop cards say whether their Key Inputs are confirmed.
      return [KEY_INPUTS_CARD, SUMMARY_CARD, ...workshopKeysOf(engagement)];
    case 'keyOutputs':
      return [KEY_OUTPUTS_CARD, SUMMARY_CARD];
    case 'nextStep':
      return [SUMMARY_CARD];
    case 'settings':
      return [KEY_INPUTS_CARD, ...workshopKeysOf(engagement), SUMMARY_CARD, KEY_OUTPUTS_CARD];
  }
}
