import jwt, { type JwtHeader, type JwtPayload } from 'jsonwebtoken';
import { AuthenticationConstants } from 'botframework-connector';
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
  const [scheme, token, ...rest] = authorization.split(' ');
  if (scheme !== 'Bearer' || !token || rest.length > 0) throw new TokenRefusedError('no bearer token');
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') throw new TokenRefusedError('not a JWT');
  const header: JwtHeader = decoded.header;
  if (!ALGORITHMS.includes(header.alg as jwt.Algorithm)) throw new TokenRefusedError('algorithm not allowed');
  if (decoded.payload.iss !== ISSUER) throw new TokenRefusedError('not issued by the Bot Framework');
  const signing = await policy.keys.key(String(header.kid ?? ''));
  if (!signing) throw new TokenRefusedError('signed by a key that is not published');
  let claims: JwtPayload;
  try {
    claims = jwt.verify(token, signing.key, {
      algorithms: ALGORITHMS,
      issuer: ISSUER,
      audience: policy.appId,
      clockTolerance: CLOCK_TOLERANCE_S,
    }) as JwtPayload;
  } catch (error) {
    throw new TokenRefusedError(error instanceof Error ? error.message : 'invalid token');
  }
  if (signing.endorsements && !signing.endorsements.includes(activity.channelId ?? '')) {
    throw new TokenRefusedError('the key is not endorsed for this channel');
  }
  if (activity.serviceUrl && claims[AuthenticationConstants.ServiceUrlClaim] !== activity.serviceUrl) {
    throw new TokenRefusedError('the token names another service URL');
  }
}
