import jwt, { type JwtPayload } from 'jsonwebtoken';
import type { OpenIdKeys, SigningKey } from './openIdKeys';

type OneOrMore = string | [string, ...string[]];

/** What a bearer token must satisfy: signed by one of `keys` with one of `algorithms`, for and by whom. */
export interface BearerRules {
  keys: OpenIdKeys;
  algorithms: jwt.Algorithm[];
  audience: OneOrMore;
  issuer: OneOrMore;
  clockToleranceS: number;
}

/**
 * The claims of an `Authorization: Bearer` token that passes `rules`, and the published key that signed it.
 * Every failure throws what `refuse` makes of its reason; the issuer is checked before any key is fetched.
 * Only keys that cannot be fetched throw OpenIdKeys' own KeysUnavailableError.
 */
export async function verifiedBearer(
  authorization: string | undefined,
  rules: BearerRules,
  refuse: (reason: string) => Error,
): Promise<{ claims: JwtPayload; signing: SigningKey }> {
  const [scheme, token, ...rest] = (authorization ?? '').split(' ');
  if (scheme !== 'Bearer' || !token || rest.length > 0) throw refuse('no bearer token');
  const decoded = jwt.decode(token, { complete: true });
  if (!decoded || typeof decoded.payload !== 'object') throw refuse('not a JWT');
  if (!rules.algorithms.includes(decoded.header.alg as jwt.Algorithm)) throw refuse('algorithm not allowed');
  const issuers: string[] = typeof rules.issuer === 'string' ? [rules.issuer] : rules.issuer;
  if (!issuers.includes(String(decoded.payload.iss))) throw refuse('not from the expected issuer');
  const signing = await rules.keys.key(String(decoded.header.kid ?? ''));
  if (!signing) throw refuse('signed by a key that is not published');
  try {
    const claims = jwt.verify(token, signing.key, {
      algorithms: rules.algorithms,
      audience: rules.audience,
      issuer: rules.issuer,
      clockTolerance: rules.clockToleranceS,
    }) as JwtPayload;
    return { claims, signing };
  } catch (error) {
    throw refuse(error instanceof Error ? error.message : 'invalid token');
  }
}
