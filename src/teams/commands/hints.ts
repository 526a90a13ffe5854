import type { TurnContext } from 'botbuilder';
import { isPersonal } from '../turn';

export function noEngagementHint(turn: TurnContext): string {
  return isPersonal(turn)
    ? "Engagements live in customers' channels: use this there, or type **my tasks** for your open tasks."
    : 'This channel has no engagement yet. Type **workshops** to see the playbook and set one up.';
}
