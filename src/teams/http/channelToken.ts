import type jwt from 'jsonwebtoken';
import { AuthenticationConstants } from 'botframework-connector';
import { verifiedBearer } from '../../auth/bearerToken';
import type { OpenIdKeys } from '../../auth/openIdKeys';

/** The token is not one the Bot Framework issued for this bot: 401, whatever the SDK would have said. */
export class TokenRefusedError extends Error {
  readonly statusCode = 401;
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'TokenRefusedError';
  }
}

export interface ChannelTokenPolicy {
  appId: string;
  keys: OpenIdKeys;
}

const ALGORITHMS = AuthenticationConstants.AllowedSigningAlgorithms as jwt.Algorithm[];
const ISSUER = AuthenticationConstants.ToBotFromChannelTokenIssuer;
/** The SDK's own tolerance for clocks that disagree, kept so the two checks agree. */
const CLOCK_TOLERANCE_S = 5 * 60;

/**
 * Checks a Teams channel's bearer token before the SDK sees it, by the SDK's own rules: RS256/384/512 from
 * a published key, the Bot Framework issuer, this app as audience, valid now, endorsed for the channel and
 * naming the service URL. Any forgery is a TokenRefusedError (401) without the SDK's console output; only
 * keys that cannot be fetched throw OpenIdKeys' KeysUnavailableError (503).
 */
export async function checkChannelToken(
  authorization: string,
  activity: { channelId?: string; serviceUrl?: string },
  policy: ChannelTokenPolicy,
): Promise<void> {
  const { claims, signing } = await verifiedBearer(
    authorization,
    {
      keys: policy.keys,
      algorithms: ALGORITHMS,
      audience: policy.appId,
      issuer: ISSUER,
      clockToleranceS: CLOCK_TOLERANCE_S,
    },
    (reason) => new TokenRefusedError(reason),
  );
  if (signing.endorsements && !signing.endorsements.includes(activity.channelId ?? '')) {
    throw new TokenRefusedError('the key is not endorsed for this channel');
  }
  if (activity.serviceUrl && claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) {
    throw new TokenRefusedError('the token names another service URL');
  }
}
