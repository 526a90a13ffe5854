import type { Engagement } from '../../domain/types';

/** What a posted copy shows once newer copies of the same card are the ones kept current. */
export const MOVED_NOTICE = {
  title: 'Moved',
  text: 'This card was posted again further down; the newest copy is the one kept up to date.',
};

/** The keys an engagement's posted cards are remembered and re-rendered by. */
export const SUMMARY_CARD = 'summary';
export const KEY_INPUTS_CARD = 'keyInputs';
export const KEY_OUTPUTS_CARD = 'keyOutputs';
export const WORKSHOP_PREFIX = 'workshop:';
export const workshopCardKey = (workshop: string): string => `${WORKSHOP_PREFIX}${workshop}`;
/** `tasks:<words>`: a list `tasks <words>` posted in the channel; `tasks:mine:<person key>` for `tasks mine`. */
export const TASK_LIST_PREFIX = 'tasks:';

/** The keys of an engagement's workshop cards, in playbook order. */
export const workshopKeysOf = (engagement: Engagement): string[] =>
  [...new Set(engagement.tasks.map((t) => t.workshop))].map(workshopCardKey);

/** The keys of the task lists posted in the engagement's channel. */
export const taskListKeysOf = (engagement: Engagement): string[] => [
  ...new Set(engagement.posts.map((p) => p.card).filter((card) => card.startsWith(TASK_LIST_PREFIX))),
];
