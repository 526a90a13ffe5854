import type { TurnContext } from 'botbuilder';
import { NotFoundError, type Versioned } from '../../app/versionedWrites';
import type { Engagement, Person } from '../../domain/types';
import { BadActionError, requiredField, type ActionData } from './actionData';
import type { BotDeps } from '../deps';
import { isCustomerContact, isStaff } from '../../domain/people';
import { actorOf, engagementIdOf, tenantOf } from './turnFacts';

export async function engagementOfTurn(turn: TurnContext, deps: BotDeps): Promise<Versioned<Engagement> | undefined> {
  return deps.store.get(engagementIdOf(turn));
}

/** The engagement id a card action names, which must be this conversation's own. */
export function engagementIdOfAction(turn: TurnContext, data: ActionData): string {
  const id = requiredField(data, 'engagementId', 64);
  if (id !== engagementIdOf(turn)) throw new BadActionError('This card belongs to another conversation.');
  return id;
}

export async function engagementOfAction(
  turn: TurnContext,
  deps: BotDeps,
  data: ActionData,
): Promise<Versioned<Engagement>> {
  const id = engagementIdOfAction(turn, data);
  const engagement = await deps.store.get(id);
  if (!engagement) throw new NotFoundError(id);
  return engagement;
}

const isMember = (engagement: Engagement, person: Person): boolean =>
  isStaff(engagement, person) || isCustomerContact(engagement, person);

const ROW_NOT_FOUND = 'This row is about an engagement I cannot find.';

/**
 * The engagement a row of a personal card names (a digest, a task list), from any conversation: it must
 * exist, belong to the tenant the click came from, and be this conversation's own or one in which the person
 * holds a role or is a customer contact. Engagement ids can be computed, so an engagement that is not theirs gets the same answer as
 * one that does not exist. Permissions on the task are checked by the change itself.
 */
export async function engagementOfRow(turn: TurnContext, deps: BotDeps, data: ActionData): Promise<Engagement> {
  const id = requiredField(data, 'engagementId', 64);
  const found = await deps.store.get(id);
  const visible =
    found &&
    found.value.tenantId === tenantOf(turn) &&
    (id === engagementIdOf(turn) || isMember(found.value, actorOf(turn)));
  if (!found || !visible) throw new BadActionError(ROW_NOT_FOUND);
  return found.value;
}
