import type { Activity } from 'botbuilder';

export type ActivityProblem = { status: 400 | 403; message: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown, max = 1024): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= max;

function isServiceUrl(value: unknown): boolean {
  if (!isText(value, 2048)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * What is wrong with an incoming activity before any turn runs, or undefined: the shape the bot relies on,
 * a service URL to answer on, and one tenant (the conversation and the channel data may not disagree).
 */
export function activityProblem(body: unknown): ActivityProblem | undefined {
  if (!isRecord(body)) return { status: 400, message: 'The body must be a JSON activity.' };
  if (!isText(body.type, 64)) return { status: 400, message: 'The activity has no type.' };
  if (!isRecord(body.conversation) || !isText(body.conversation.id)) {
    return { status: 400, message: 'The activity has no conversation.' };
  }
  if (!isRecord(body.from) || !isText(body.from.id)) return { status: 400, message: 'The activity has no sender.' };
  if (!isServiceUrl(body.serviceUrl)) return { status: 400, message: 'The activity has no valid serviceUrl.' };
  const conversationTenant = body.conversation.tenantId;
  const channelData = isRecord(body.channelData) ? body.channelData : {};
  const channelTenant = isRecord(channelData.tenant) ? channelData.tenant.id : undefined;
  if (conversationTenant !== undefined && channelTenant !== undefined && conversationTenant !== channelTenant) {
    return { status: 403, message: 'The activity names two different tenants.' };
  }
  return undefined;
}

export const asActivity = (body: unknown): Activity => body as Activity;
