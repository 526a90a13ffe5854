import type { Engagement } from '../../domain/types';
import {
  KEY_INPUTS_CARD,
  KEY_OUTPUTS_CARD,
  SUMMARY_CARD,
  taskListKeysOf,
  workshopCardKey,
  workshopKeysOf,
} from '../views/cardKeys';

/** What a handler changed, in the terms that decide which posted cards show it. */
export type EngagementChange =
  | { kind: 'task'; taskId: string }
  | { kind: 'keyInputs' }
  | { kind: 'keyOutputs' }
  | { kind: 'nextStep' }
  | { kind: 'reportLinks' }
  | { kind: 'playbookUpdate' }
  | { kind: 'settings' };

/** The one rule of what to refresh: the cards that show what `change` changed. */
export function cardsShowing(engagement: Engagement, change: EngagementChange): string[] {
  switch (change.kind) {
    case 'task': {
      const workshop = engagement.tasks.find((t) => t.id === change.taskId)?.workshop;
      const lists = taskListKeysOf(engagement);
      return workshop === undefined ? [SUMMARY_CARD, ...lists] : [SUMMARY_CARD, workshopCardKey(workshop), ...lists];
    }
    case 'keyInputs':
      // The workshop cards say whether their Key Inputs are confirmed.
      return [KEY_INPUTS_CARD, SUMMARY_CARD, ...workshopKeysOf(engagement)];
    case 'keyOutputs':
      return [KEY_OUTPUTS_CARD, SUMMARY_CARD];
    case 'nextStep':
    case 'playbookUpdate':
    case 'reportLinks':
      // The summary's Report button carries a link of the engagement's current generation.
      return [SUMMARY_CARD];
    case 'settings':
      // Roles and services decide which tasks a list shows, and to whom.
      return [
        KEY_INPUTS_CARD,
        ...workshopKeysOf(engagement),
        SUMMARY_CARD,
        KEY_OUTPUTS_CARD,
        ...taskListKeysOf(engagement),
      ];
  }
}
