import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  type TurnContext,
} from 'botbuilder';
import type { BotCredentials } from '../config';
import type { Logger } from '../logger';

export const SORRY = 'Sorry, something went wrong on my side. Please try again in a moment.';

/** The Bot Framework adapter; with no credentials it accepts local, unauthenticated traffic. */
export function createAdapter(credentials: BotCredentials | undefined, logger: Logger): CloudAdapter {
  const settings = {
    MicrosoftAppId: credentials?.appId ?? '',
    MicrosoftAppPassword: credentials?.appPassword ?? '',
    MicrosoftAppType: credentials?.appType ?? 'MultiTenant',
    MicrosoftAppTenantId: credentials?.tenantId ?? '',
  };
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (turn: TurnContext, error: unknown) => {
    logger.error({ err: error, activityId: turn.activity.id, type: turn.activity.type }, 'turn failed');
    if (turn.activity.type === 'message') await turn.sendActivity(SORRY);
  };
  return adapter;
}
