import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationServiceClientCredentialFactory,
  type Activity,
  type InvokeResponse,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import type { BotCredentials } from '../../config';
import type { Logger } from '../../logger';
import { recordException } from '../../telemetry';
import { BotConnector } from '../outbound/botConnector';
import { ConnectorError, ConnectorHttp, type ConnectorHttpOptions } from '../outbound/connectorHttp';
import { OpenIdKeys } from '../../auth/openIdKeys';
import { checkChannelToken } from './channelToken';
import { ReusedClientsAuthentication } from './reusedClients';

export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';

type Logic = (turn: TurnContext) => Promise<void>;
type Credentials = { signRequest(request: unknown): Promise<unknown> };

/** Activities that stay inside the turn (the invoke's answer) rather than going to the Bot Connector. */
const LOCAL_TYPES = new Set<string>([ActivityTypes.InvokeResponse, ActivityTypes.Trace, 'delay']);

/** The public cloud's settings with another signing-key address (the SDK wants all of them, or none). */
const publicCloudWith = (openIdMetadataUrl: string) => ({
  ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
  ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
  ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
  OAuthUrl: AuthenticationConstants.OAuthUrl,
  ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
  ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
  ValidateAuthority: true,
});

/**
 * The Bot Framework adapter, with every call to the Bot Connector going through one bounded HTTP client
 * (a deadline on each call, a fixed number of sockets). With no credentials it accepts local,
 * unauthenticated traffic.
 */
export class TeamsAdapter extends CloudAdapter {
  readonly http: ConnectorHttp;
  readonly connector: BotConnector;
  private readonly credentials = new Map<string, Promise<Credentials>>();

  private readonly botCredentials: BotCredentials | undefined;
  /** The channel's signing keys, for checking every token before the SDK does (see checkChannelToken). */
  private readonly signingKeys: OpenIdKeys;

  constructor(
    auth: { credentials?: BotCredentials; openIdMetadataUrl?: string },
    logger: Logger,
    httpOptions: ConnectorHttpOptions,
  ) {
    const { credentials } = auth;
    const settings = {
      MicrosoftAppId: credentials?.appId ?? '',
      MicrosoftAppPassword: credentials?.appPassword ?? '',
      MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
      MicrosoftAppTenantId: credentials?.tenantId ?? '',
      ...(auth.openIdMetadataUrl && publicCloudWith(auth.openIdMetadataUrl)),
    };
    super(new ReusedClientsAuthentication(settings, new ConfigurationServiceClientCredentialFactory(settings)));
    this.botCredentials = credentials;
    const metadataUrl = auth.openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;
    this.signingKeys = new OpenIdKeys(metadataUrl, { timeoutMs: httpOptions.timeoutMs });
    this.http = new ConnectorHttp((serviceUrl) => this.authorization(serviceUrl), httpOptions);
    this.connector = new BotConnector(this.http);
    // Never throws: Teams sends a message again when it gets a 5xx, so the command would run twice.
    this.onTurnError = async (turn: TurnContext, error: unknown) => {
      const about = { activityId: turn.activity.id, type: turn.activity.type };
      if (error instanceof ConnectorError) {
        // Teams refused or did not answer our reply; an apology would go the same way.
        logger.warn({ event: 'reply.failed', status: error.status, code: error.code, ...about }, 'a reply failed');
        return;
      }
      logger.error({ err: error, ...about }, 'turn failed');
      recordException(error);
      if (turn.activity.type !== ActivityTypes.Message) return;
      await turn.sendActivity(SORRY).catch((failed: unknown) => {
        const status = failed instanceof ConnectorError ? failed.status : undefined;
        logger.warn({ event: 'reply.failed', status, ...about }, 'the apology could not be sent');
      });
    };
  }

  /**
   * Authenticates the request before any turn runs. Throws TokenRefusedError (401) for any token the Bot
   * Framework did not issue for this bot, KeysUnavailableError when the signing keys cannot be fetched, and
   * whatever the SDK throws after that.
   */
  async authenticate(authHeader: string, activity: Activity) {
    if (this.botCredentials) {
      await checkChannelToken(authHeader, activity, { appId: this.botCredentials.appId, keys: this.signingKeys });
    }
    return this.botFrameworkAuthentication.authenticateRequest(activity, authHeader);
  }

  async runTurn(
    authenticated: Awaited<ReturnType<TeamsAdapter['authenticate']>>,
    activity: Activity,
    logic: Logic,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authenticated, activity, logic);
  }

  override async sendActivities(turn: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (LOCAL_TYPES.has(activity.type ?? '')) {
        responses.push(...(await super.sendActivities(turn, [activity])));
        continue;
      }
      const to = {
        serviceUrl: activity.serviceUrl ?? turn.activity.serviceUrl,
        conversationId: activity.conversation?.id ?? turn.activity.conversation.id,
      };
      responses.push(await this.connector.send(to, activity));
    }
    return responses;
  }

  override async updateActivity(turn: TurnContext, activity: Partial<Activity>): Promise<ResourceResponse | void> {
    const to = {
      serviceUrl: activity.serviceUrl ?? turn.activity.serviceUrl,
      conversationId: activity.conversation?.id ?? turn.activity.conversation.id,
    };
    return this.connector.update(to, activity.id ?? '', activity);
  }

  /** The Authorization header for calls to `serviceUrl`, from the SDK's own credentials (tokens are cached). */
  private async authorization(serviceUrl: string): Promise<string | undefined> {
    if (!this.botCredentials) return undefined;
    let credentials = this.credentials.get(serviceUrl);
    if (!credentials) {
      const factory = this.botFrameworkAuthentication.createConnectorFactory(
        this.createClaimsIdentity(this.botCredentials.appId),
      );
      credentials = factory.create(serviceUrl).then((client) => client.credentials as Credentials);
      credentials.catch(() => this.credentials.delete(serviceUrl));
      this.credentials.set(serviceUrl, credentials);
    }
    let header: string | undefined;
    await (await credentials).signRequest({ headers: { set: (_name: string, value: string) => (header = value) } });
    return header;
  }
}
