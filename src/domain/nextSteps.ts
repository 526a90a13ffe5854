import { withEvents } from './audit';
import { ForbiddenActorError, InvalidInputError, StateError } from './errors';
import { outputsOf } from './outputs';
import { holdsRole, MANAGER_ROLE } from './people';
import { mandatoryProgress } from './progress';
import type { Engagement, Person } from './types';

/** What still stands between the engagement and its Next Steps; empty when they are open. */
export function nextStepsBlockedBy(engagement: Engagement): string[] {
  const outstanding = mandatoryProgress(engagement.tasks).outstanding.length;
  return [
    ...(outstanding > 0 ? [`${outstanding} mandatory task${outstanding === 1 ? '' : 's'} still open`] : []),
    ...(outputsOf(engagement).signedOff ? [] : ['the Key Outputs are not signed off by the customer']),
  ];
}

/** The FastTrack Manager chooses one of the playbook's Next Steps: the engagement is then complete. */
export function chooseNextStep(
  engagement: Engagement,
  steps: readonly string[],
  index: number,
  actor: Person,
  now: Date,
): Engagement {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  const step = steps[index];
  if (step === undefined) throw new InvalidInputError('next step', "is not one of the playbook's Next Steps");
  if (engagement.completion) {
    throw new StateError(
      `${engagement.completion.by.name} already chose the next step: ${engagement.completion.nextStep}`,
    );
  }
  const blocked = nextStepsBlockedBy(engagement);
  if (blocked.length > 0)
    throw new StateError(`The Next Steps open once the workshops are finished: ${blocked.join('; ')}.`);
  const at = now.toISOString();
  return withEvents({ ...engagement, completion: { nextStep: step, by: actor, at } }, [
    { at, actor, action: 'nextStepChosen', subject: 'Next step', after: step },
  ]);
}
