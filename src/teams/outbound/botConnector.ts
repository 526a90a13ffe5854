import type { Activity, ChannelAccount, ResourceResponse } from 'botbuilder';
import type { ConnectorHttp } from './connectorHttp';

/** Where a conversation lives: enough to send into it without a turn. */
export interface ConversationAddress {
  serviceUrl: string;
  conversationId: string;
}

/** A 1:1 chat between the bot and one person of a tenant. */
export interface NewChat {
  isGroup: false;
  bot: { id: string };
  members: { id: string; name?: string }[];
  tenantId: string;
  channelData: { tenant: { id: string } };
}

const conversationPath = (conversationId: string): string => `v3/conversations/${encodeURIComponent(conversationId)}`;

/** The Bot Connector REST calls the bot makes, over the one bounded HTTP client. */
export class BotConnector {
  constructor(private readonly http: ConnectorHttp) {}

  send(to: ConversationAddress, activity: Partial<Activity>): Promise<ResourceResponse> {
    const replyTo = activity.replyToId ? `/${encodeURIComponent(activity.replyToId)}` : '';
    return this.http.call({
      method: 'POST',
      serviceUrl: to.serviceUrl,
      path: `${conversationPath(to.conversationId)}/activities${replyTo}`,
      body: activity,
    });
  }

  update(to: ConversationAddress, activityId: string, activity: Partial<Activity>): Promise<ResourceResponse> {
    return this.http.call({
      method: 'PUT',
      serviceUrl: to.serviceUrl,
      path: `${conversationPath(to.conversationId)}/activities/${encodeURIComponent(activityId)}`,
      body: { ...activity, id: activityId },
    });
  }

  createConversation(serviceUrl: string, parameters: NewChat): Promise<{ id: string }> {
    return this.http.call({ method: 'POST', serviceUrl, path: 'v3/conversations', body: parameters });
  }

  async members(to: ConversationAddress, pageSize: number): Promise<ChannelAccount[]> {
    const page = await this.http.call<{ members?: ChannelAccount[] }>({
      method: 'GET',
      serviceUrl: to.serviceUrl,
      path: `${conversationPath(to.conversationId)}/pagedmembers?pageSize=${pageSize}`,
    });
    return page.members ?? [];
  }
}
