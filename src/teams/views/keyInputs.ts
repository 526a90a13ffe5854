import { inputsOverride, keyInputStates, unconfirmedInputs } from '../../domain/keyInputs';
import type { Engagement } from '../../domain/types';
import type { Playbook } from '../../playbook/types';
import type { KeyInputsCardData } from './cardTypes';
import { KEY_INPUTS_CARD } from './cardKeys';
import { holdsRole, isStaff, MANAGER_ROLE } from '../../domain/people';
import { type Viewer, customer, mayPress, personName, plural, when, shown } from './format';
import { refreshFor } from './refresh';

/**
 * What the workshop cards say while Key Inputs are unconfirmed (empty once all are confirmed), and whether
 * they offer the Key Inputs card beside it: not once the manager went ahead without them.
 */
export function inputsNotice(engagement: Engagement, playbook: Playbook | undefined): { text: string; offer: boolean } {
  const open = unconfirmedInputs(engagement, playbook?.keyInputs ?? []);
  if (open.length === 0) return { text: '', offer: false };
  const override = inputsOverride(engagement);
  if (override) {
    const text = `Going ahead without confirmed Key Inputs (${personName(override.by)}: "${shown(override.reason, 200)}").`;
    return { text, offer: false };
  }
  return { text: `${plural(open.length, 'Key Input')} not confirmed yet.`, offer: true };
}

export function keyInputsView(
  engagement: Engagement,
  playbook: Playbook | undefined,
  viewer: Viewer = {},
): KeyInputsCardData {
  const zone = viewer.timeZone;
  const staff = mayPress(viewer, (person) => isStaff(engagement, person));
  const states = keyInputStates(engagement, playbook?.keyInputs ?? []);
  const open = states.filter((s) => !s.confirmed).length;
  const override = inputsOverride(engagement);
  return {
    refresh: refreshFor(engagement, KEY_INPUTS_CARD),
    engagementId: engagement.id,
    customerName: customer(engagement.customerName),
    intro:
      states.length === 0
        ? 'This playbook names no Key Inputs.'
        : open === 0
          ? 'Every Key Input is confirmed: the workshops are ready to run.'
          : 'What the workshops need before they start. FastTrack staff of this engagement confirm each one.',
    inputs: states.map((s, i) => ({
      text: s.input,
      status: s.confirmed
        ? `✔ Confirmed by ${personName(s.confirmed.by)}, ${when(s.confirmed.at, zone)}`
        : '○ Not confirmed',
      canConfirm: staff && !s.confirmed,
      data: { engagementId: engagement.id, input: String(i) },
    })),
    overrideText:
      override && open > 0
        ? `${personName(override.by)} chose to go ahead without them, ${when(override.at, zone)}: "${shown(override.reason, 1200)}"`
        : '',
    canOverride: open > 0 && !override && mayPress(viewer, (person) => holdsRole(engagement, person, MANAGER_ROLE)),
  };
}
