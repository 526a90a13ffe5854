import { changeEngagement } from '../../app/changeEngagement';
import { chooseNextStep } from '../../domain/nextSteps';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { indexField } from '../turn/actionData';
import type { CardAction } from './types';
import { viewerOf } from '../turn/turnFacts';

/** The FastTrack Manager chooses a Next Step: the engagement is complete and its reminders stop. */
export const chooseNextStepAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    const { value: current } = await engagementOfAction(turn, deps, data);
    const steps = (deps.catalog.playbookOf(current)?.nextSteps ?? []).map((s) => s.text);
    const step = indexField(data, 'step', steps.length);
    const saved = await changeEngagement(deps, current.id, (engagement, now) =>
      chooseNextStep(engagement, steps, step, actor, now),
    );
    cards.changed(saved.value, { kind: 'nextStep' });
    return { kind: 'card', card: cards.views.summary(saved.value, viewerOf(turn)) };
  },
};
