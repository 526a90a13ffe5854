import { LRUCache } from 'lru-cache';
import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  JwtTokenValidation,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';

/** Service URLs are a handful per cloud region; the bound only guards against a flood of odd ones. */
const CLIENTS_KEPT = 100;

function remembered<T>(cache: LRUCache<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  let client = cache.get(key);
  if (!client) {
    client = create();
    client.catch(() => cache.delete(key));
    cache.set(key, client);
  }
  return client;
}

/**
 * The SDK builds a new ConnectorClient and UserTokenClient for every turn. Both only hold their credentials,
 * which cache their own tokens, so one per app id, service URL and audience serves every turn.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: CLIENTS_KEPT });
  private readonly tokenClients = new LRUCache<string, Promise<UserTokenClient>>({ max: CLIENTS_KEPT });

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: this.reusing(factory, result.claimsIdentity) } : result;
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
    return remembered(this.tokenClients, appId, () => super.createUserTokenClient(identity));
  }

  private reusing(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    const appId = JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '';
    return {
      create: (serviceUrl: string, audience?: string) =>
        remembered(this.connectors, `${appId}\n${serviceUrl}\n${audience ?? ''}`, () =>
          factory.create(serviceUrl, audience),
        ),
    };
  }
}
