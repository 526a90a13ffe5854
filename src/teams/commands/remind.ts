import type { RemindResult } from '../../app/digests';
import { customer, plain, possessive } from '../views/format';
import { canonicalZone } from '../../domain/calendar';
import { ForbiddenActorError } from '../../domain/errors';
import { holdsRole, MANAGER_ROLE } from '../../domain/people';
import { actorOf } from '../turn/turnFacts';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

const listed = (people: string[]): string => {
  const names = people.map(plain);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
};

function clock(iso: string, zone: string | undefined): string {
  const timeZone = (zone && canonicalZone(zone)) || 'UTC';
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(iso));
  return `${time} (${timeZone})`;
}

/** What `remind` answers: who was reminded now, who already was today (and when), who cannot be reached. */
export function remindAnswer(result: RemindResult, customer: string, zone?: string): string {
  const lines: string[] = [];
  if (result.reminded.length) {
    lines.push(`Reminded ${listed(result.reminded)} about ${possessive(customer)} outstanding mandatory tasks.`);
  }
  if (result.already.length) {
    const who = result.already.map((a) => `${a.name} at ${clock(a.at, zone)}`);
    lines.push(`Already reminded today, so not again: ${listed(who)}.`);
  }
  if (result.unreachable.length) {
    lines.push(`Could not reach ${listed(result.unreachable)}: Teams says they blocked or removed the app.`);
  }
  if (result.failed.length)
    lines.push(`Teams did not take the reminder for ${listed(result.failed)}; try again later.`);
  return lines.length ? lines.join('\n\n') : `Nobody has outstanding mandatory tasks for ${customer}: nothing to send.`;
}

export const remindCommand: Command = {
  name: 'remind',
  usage: 'remind',
  description: "Sends this engagement's reminders now, at most once a day per person (FastTrack Manager).",
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps }, engagement) => {
    const actor = actorOf(turn);
    if (!holdsRole(engagement, actor, MANAGER_ROLE)) throw new ForbiddenActorError(actor.id, [MANAGER_ROLE]);
    const result = await deps.digests.remind(engagement, actor);
    await turn.sendActivity(remindAnswer(result, customer(engagement.customerName), turn.activity.localTimezone));
  }),
};
