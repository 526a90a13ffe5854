import { verifiedBearer } from './bearerToken';
import type { OpenIdKeys } from './openIdKeys';

/** Refused: no token, or one that is forged, expired, for another app or from another tenant (401). */
export class SignInRefusedError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'SignInRefusedError';
  }
}

export interface SignedInUser {
  /** The Entra object id: the key engagements know people by. */
  oid: string;
  tenantId: string;
  name: string;
}

export interface EntraTokenPolicy {
  keys: OpenIdKeys;
  /** The tab's app: its id, and its Application ID URI (api://<host>/<id>), either of which Teams may name. */
  audiences: string[];
  tenantId: string;
}

const CLOCK_TOLERANCE_S = 60;

/** Entra ID issues v1.0 and v2.0 tokens for the same app, depending on its manifest; both are accepted. */
const issuersOf = (tenantId: string): [string, ...string[]] => [
  `https://login.microsoftonline.com/${tenantId}/v2.0`,
  `https://sts.windows.net/${tenantId}/`,
];

/**
 * The person behind a Teams SSO token (authentication.getAuthToken): signed by a key Entra ID publishes,
 * for this app, issued by and for the configured tenant, valid now, naming an object id.
 */
export async function signedInUser(authorization: string | undefined, policy: EntraTokenPolicy): Promise<SignedInUser> {
  const { claims } = await verifiedBearer(
    authorization,
    {
      keys: policy.keys,
      algorithms: ['RS256'],
      audience: policy.audiences as [string, ...string[]],
      issuer: issuersOf(policy.tenantId),
      clockToleranceS: CLOCK_TOLERANCE_S,
    },
    (reason) => new SignInRefusedError(reason),
  );
  if (claims.tid !== policy.tenantId) throw new SignInRefusedError('from another tenant');
  if (typeof claims.oid !== 'string' || !claims.oid) throw new SignInRefusedError('names no person');
  return { oid: claims.oid, tenantId: claims.tid, name: typeof claims.name === 'string' ? claims.name : '' };
}
