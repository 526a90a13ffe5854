import { withEvents } from './audit';
import { ForbiddenActorError, InvalidInputError, StateError } from './errors';
import { isStaff, MANAGER_ROLE, holdsRole, STAFF } from './people';
import { checkedText } from './text';
import type { Engagement, KeyInputsRecord, Person, Signature } from './types';

export const KEY_INPUT_LIMITS = { reason: 500 } as const;

const recordOf = (engagement: Engagement): KeyInputsRecord => engagement.keyInputs ?? { confirmed: [] };

/** The playbook's Key Inputs, each with who confirmed it. */
export function keyInputStates(
  engagement: Engagement,
  inputs: readonly string[],
): { input: string; confirmed?: Signature }[] {
  const { confirmed } = recordOf(engagement);
  return inputs.map((input) => ({ input, confirmed: confirmed.find((c) => c.input === input) }));
}

export const unconfirmedInputs = (engagement: Engagement, inputs: readonly string[]): string[] =>
  keyInputStates(engagement, inputs)
    .filter((s) => !s.confirmed)
    .map((s) => s.input);

export const inputsOverride = (engagement: Engagement): KeyInputsRecord['override'] => recordOf(engagement).override;

/** A member of the engagement's FastTrack staff confirms one Key Input. */
export function confirmInput(
  engagement: Engagement,
  inputs: readonly string[],
  input: string,
  actor: Person,
  now: Date,
): Engagement {
  if (!isStaff(engagement, actor)) throw new ForbiddenActorError(actor.id, [STAFF]);
  if (!inputs.includes(input)) throw new InvalidInputError('input', 'is not a Key Input of this playbook');
  const record = recordOf(engagement);
  const already = record.confirmed.find((c) => c.input === input);
  if (already) throw new StateError(`"${input}" was already confirmed by ${already.by.name}.`);
  const at = now.toISOString();
  return withEvents(
    { ...engagement, keyInputs: { ...record, confirmed: [...record.confirmed, { input, by: actor, at }] } },
    [{ at, actor, action: 'inputConfirmed', subject: input, before: 'unconfirmed', after: 'confirmed' }],
  );
}

/** The FastTrack Manager proceeds without the unconfirmed Key Inputs, for a reason that is recorded. */
export function overrideInputs(
  engagement: Engagement,
  inputs: readonly string[],
  reason: string | undefined,
  actor: Person,
  now: Date,
): Engagement {
  if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
  const why = checkedText('reason', reason, KEY_INPUT_LIMITS.reason);
  if (!why) throw new InvalidInputError('reason', 'is required to proceed without confirmed Key Inputs');
  const open = unconfirmedInputs(engagement, inputs);
  if (open.length === 0) throw new StateError('Every Key Input is confirmed; there is nothing to proceed without.');
  const record = recordOf(engagement);
  if (record.override) throw new StateError(`${record.override.by.name} already chose to proceed without them.`);
  const at = now.toISOString();
  return withEvents({ ...engagement, keyInputs: { ...record, override: { by: actor, at, reason: why } } }, [
    { at, actor, action: 'inputsOverridden', subject: open.join('; '), before: 'unconfirmed', reason: why },
  ]);
}
