import { randomBytes } from 'node:crypto';
import type { ReportKey } from './app/reportLinks';
import { OpenIdKeys } from './auth/openIdKeys';
import type { Config } from './config';
import { SignInRefusedError } from './auth/entraToken';
import { developmentSignIn, ssoSignIn, type SignIn } from './web/signIn';

/** The configured report key; in development without one, a key of this start (its links end with it). */
export function reportKeyOf(config: Config): ReportKey {
  return { secret: config.reportKey.secret ?? randomBytes(32), version: config.reportKey.version };
}

const entraMetadata = (tenantId: string) =>
  `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration`;

/**
 * How the tab knows who asks: Teams SSO tokens for the bot's app and tenant when the bot has credentials;
 * the local development sign-in otherwise. A multi-tenant bot names no tenant to check tokens against, so
 * its tab refuses everyone.
 */
export function signInOf(config: Config, publicUrl: () => string, metadataUrl?: string): SignIn {
  if (!config.bot) return developmentSignIn();
  const { appId } = config.bot;
  const tenantId = config.allowedTenantId;
  if (!tenantId) return async () => Promise.reject(new SignInRefusedError('the bot names no tenant to sign in to'));
  const keys = new OpenIdKeys(metadataUrl ?? entraMetadata(tenantId), { timeoutMs: config.timeouts.connectorMs });
  let sso: SignIn | undefined;
  return (req, query) => {
    sso ??= ssoSignIn({ keys, tenantId, audiences: [appId, `api://${new URL(publicUrl()).host}/${appId}`] });
    return sso(req, query);
  };
}
