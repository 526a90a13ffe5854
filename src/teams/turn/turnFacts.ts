import type { PersonalViewer } from '../views/format';
import type { TurnContext } from 'botbuilder';
import { LRUCache } from 'lru-cache';
import { engagementIdFor } from '../../domain/engagement';
import { cleanName } from '../../domain/text';
import type { Person } from '../../domain/types';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; aadGroupId?: string };
  channel?: { id?: string };
}

const channelData = (turn: TurnContext): TeamsChannelData => (turn.activity.channelData ?? {}) as TeamsChannelData;

export function isChannel(turn: TurnContext): boolean {
  return turn.activity.conversation?.conversationType === 'channel';
}

export function isPersonal(turn: TurnContext): boolean {
  return turn.activity.conversation?.conversationType === 'personal';
}

export function tenantOf(turn: TurnContext): string {
  return turn.activity.conversation?.tenantId ?? channelData(turn).tenant?.id ?? '';
}

/** The channel itself, without the `;messageid=` suffix Teams adds for a thread. */
export function channelOf(turn: TurnContext): string {
  return channelData(turn).channel?.id ?? (turn.activity.conversation?.id ?? '').split(';')[0] ?? '';
}

export function teamOf(turn: TurnContext): string {
  return channelData(turn).team?.id ?? channelOf(turn);
}

/** The team's Entra group id, which Teams sends with a channel's activities. */
export function teamGroupOf(turn: TurnContext): string | undefined {
  const id = channelData(turn).team?.aadGroupId;
  return typeof id === 'string' && id ? id : undefined;
}

// Every turn needs these, and the same channels and people come back turn after turn: a hash and a
// Unicode clean-up each time would be work done again for the same answer. Bounded in characters too, so
// long texts in activities cannot make the caches large.
const keptTexts = () =>
  new LRUCache<string, string>({
    max: 10_000,
    maxSize: 2_000_000,
    sizeCalculation: (value, key) => key.length + value.length,
  });
const engagementIds = keptTexts();
const names = keptTexts();

export function engagementIdOf(turn: TurnContext): string {
  const tenant = tenantOf(turn);
  const channel = channelOf(turn);
  const key = `${tenant}\n${channel}`;
  let id = engagementIds.get(key);
  if (id === undefined) engagementIds.set(key, (id = engagementIdFor(tenant, channel)));
  return id;
}

function nameOf(raw: string | undefined): string {
  if (raw === undefined) return cleanName(raw, 'Someone');
  let name = names.get(raw);
  if (name === undefined) names.set(raw, (name = cleanName(raw, 'Someone')));
  return name;
}

export function actorOf(turn: TurnContext): Person {
  const from = turn.activity.from;
  return {
    id: from.id,
    name: nameOf(from.name),
    ...(from.aadObjectId && { aadObjectId: from.aadObjectId }),
  };
}

/** The person behind the turn as cards are rendered for them: their permissions and their time zone. */
export function viewerOf(turn: TurnContext): PersonalViewer {
  return { person: actorOf(turn), ...(turn.activity.localTimezone && { timeZone: turn.activity.localTimezone }) };
}
