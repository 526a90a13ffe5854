import type { IncomingMessage } from 'node:http';
import { signedInUser, SignInRefusedError, type EntraTokenPolicy, type SignedInUser } from '../auth/entraToken';

/** Who is asking: from their Teams SSO token, or (development only) the person the page names. */
export type SignIn = (req: IncomingMessage, query: URLSearchParams) => Promise<SignedInUser>;

export const ssoSignIn =
  (policy: EntraTokenPolicy): SignIn =>
  (req) =>
    signedInUser(req.headers.authorization, policy);

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Without bot credentials there is no Entra app to sign in to: the bot runs on loopback only, and the tab
 * shows the portfolio of the Entra object id in `?user=`, saying so in a banner. Never in production (the
 * configuration refuses to start there without credentials).
 */
export const developmentSignIn = (): SignIn => async (req, query) => {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) throw new SignInRefusedError('development sign-in is local only');
  const oid = query.get('user')?.trim() ?? '';
  if (!/^[A-Za-z0-9:_-]{1,100}$/.test(oid)) throw new SignInRefusedError('name a person: ?user=<Entra object id>');
  return { oid, tenantId: '', name: '' };
};
