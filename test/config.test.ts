import { ConfigError, readConfig } from '../src/config';

const problems = (env: Record<string, string>): string[] => {
  try {
    readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

/** What production needs beside the bot's credentials: its public address and the report links' key. */
const published = { PUBLIC_URL: 'https://bot.example.com', REPORT_SIGNING_KEY: Buffer.alloc(32, 7).toString('base64') };

const credentials = {
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'super-secret-value',
  MicrosoftAppTenantId: '00000000-0000-0000-0000-0000000000aa',
};

describe('configuration', () => {
  it('runs locally with no settings at all: port 3978, loopback, SQLite under ./data, no auth', () => {
    const config = readConfig({});
    expect(config).toMatchObject({ production: false, port: 3978, host: '127.0.0.1', logLevel: 'info' });
    expect(config.storage).toEqual({ kind: 'sqlite', dataDir: expect.stringMatching(/[\\/]data$/) });
    expect(config.playbooksDir).toMatch(/[\\/]playbooks$/);
    expect(config.bot).toBeUndefined();
  });

  it('uses Cosmos DB when COSMOS_ENDPOINT is set', () => {
    expect(readConfig({ COSMOS_ENDPOINT: 'https://acct.documents.azure.com:443/', COSMOS_KEY: 'k' }).storage).toEqual({
      kind: 'cosmos',
      endpoint: 'https://acct.documents.azure.com:443/',
      key: 'k',
      database: 'security-workshops',
    });
  });

  it('refuses to start in production without bot credentials', () => {
    expect(problems({ NODE_ENV: 'production', ...published })).toEqual([
      'MicrosoftAppId is required in production: the bot will not run without credentials',
    ]);
  });

  it('refuses to start in production without its public address or a key for report links', () => {
    expect(problems({ NODE_ENV: 'production', ...credentials })).toEqual([
      'PUBLIC_URL is required in production: the https address of the bot, for report links and the tab',
      'REPORT_SIGNING_KEY is required in production: 32 bytes or more, base64 (openssl rand -base64 48)',
    ]);
    const weak = { ...credentials, PUBLIC_URL: 'http://bot.example.com', REPORT_SIGNING_KEY: 'c2hvcnQ=' };
    expect(problems({ NODE_ENV: 'production', ...weak })).toEqual([
      'PUBLIC_URL must be an https origin such as https://bot.example.com (got "http://bot.example.com")',
      'REPORT_SIGNING_KEY must be base64 of 32 bytes or more (openssl rand -base64 48)',
    ]);
    expect(readConfig({ NODE_ENV: 'production', ...credentials, ...published }).reportKey).toEqual({
      secret: Buffer.alloc(32, 7),
      version: 1,
    });
  });

  it('starts in production with single-tenant credentials and listens on every interface', () => {
    const config = readConfig({ NODE_ENV: 'production', ...credentials, ...published });
    expect(config.bot).toEqual({
      appId: credentials.MicrosoftAppId,
      appPassword: credentials.MicrosoftAppPassword,
      appType: 'SingleTenant',
      tenantId: credentials.MicrosoftAppTenantId,
    });
    expect(config.host).toBe('0.0.0.0');
  });

  it('accepts a user-assigned managed identity without a password', () => {
    const env = {
      NODE_ENV: 'production',
      ...published,
      MicrosoftAppId: credentials.MicrosoftAppId,
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppTenantId: credentials.MicrosoftAppTenantId,
    };
    expect(readConfig(env).bot?.appType).toBe('UserAssignedMSI');
  });

  it('names every bad variable in one go, and never echoes a secret', () => {
    const found = problems({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      MicrosoftAppType: 'Whatever',
      MicrosoftAppId: credentials.MicrosoftAppId,
      MicrosoftAppPassword: 'super-secret-value',
      COSMOS_ENDPOINT: 'not a url',
      NODE_ENV: 'staging',
    });
    expect(found).toEqual([
      'NODE_ENV must be one of development, production, test (got "staging")',
      'PORT must be a whole number from 0 to 65535 (got "eighty")',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
      'COSMOS_ENDPOINT must be an http(s) URL (got "not a url")',
      'MicrosoftAppType must be one of SingleTenant, MultiTenant, UserAssignedMSI (got "Whatever")',
      'MicrosoftAppTenantId is required for MicrosoftAppType SingleTenant',
    ]);
    expect(found.join('\n')).not.toContain('super-secret-value');
  });

  it('needs a password for a single-tenant app id', () => {
    expect(
      problems({ MicrosoftAppId: credentials.MicrosoftAppId, MicrosoftAppTenantId: credentials.MicrosoftAppTenantId }),
    ).toEqual(['MicrosoftAppPassword is required for MicrosoftAppType SingleTenant']);
  });

  it('refuses an app id or tenant id that is not a GUID', () => {
    expect(problems({ ...credentials, MicrosoftAppId: 'my-bot', MicrosoftAppTenantId: 'contoso.com' })).toEqual([
      'MicrosoftAppId must be the bot\'s app id, a GUID (got "my-bot")',
      'MicrosoftAppTenantId must be the Entra tenant id, a GUID (got "contoso.com")',
    ]);
  });

  it('without credentials, refuses to listen beyond loopback unless unauthenticated access is allowed', () => {
    expect(problems({ HOST: '0.0.0.0' })).toEqual([
      'HOST 0.0.0.0 is reachable from other machines, and without MicrosoftAppId requests are not authenticated: ' +
        'set the bot credentials, listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true',
    ]);
    expect(readConfig({ HOST: '0.0.0.0', ALLOW_UNAUTHENTICATED: 'true' }).host).toBe('0.0.0.0');
    expect(readConfig({ HOST: '::1' }).bot).toBeUndefined();
  });

  it('bounds every timeout, with defaults of 10 s for Teams, 5 s for the store and 10 s for shutdown', () => {
    expect(readConfig({}).timeouts).toEqual({ connectorMs: 10_000, storeMs: 5_000, shutdownMs: 10_000, drainMs: 0 });
    expect(problems({ SHUTDOWN_DRAIN_MS: 'long' })).toEqual([
      'SHUTDOWN_DRAIN_MS must be a whole number of milliseconds from 0 to 300000 (got "long")',
    ]);
    expect(problems({ STORE_TIMEOUT_MS: '0', CONNECTOR_TIMEOUT_MS: 'soon' })).toEqual([
      'CONNECTOR_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000 (got "soon")',
      'STORE_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000 (got "0")',
    ]);
  });

  it("takes the reminders' time zone in any case, in its own spelling, and refuses a name that is no zone", () => {
    expect(readConfig({}).reminders.timeZone).toBe('UTC');
    expect(readConfig({ REMINDER_TIMEZONE: 'europe/paris' }).reminders.timeZone).toBe('Europe/Paris');
    expect(problems({ REMINDER_TIMEZONE: 'Europe/Nowhere' })).toEqual([
      'REMINDER_TIMEZONE must be an IANA time zone such as Europe/Paris (got "Europe/Nowhere")',
    ]);
  });

  it('rejects a port out of range', () => {
    expect(problems({ PORT: '70000' })).toEqual(['PORT must be a whole number from 0 to 65535 (got "70000")']);
  });
});
