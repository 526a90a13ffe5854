import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { canonicalZone } from './domain/calendar';

/** Every variable the bot reads; .env.example and the deployment template set exactly these. */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'HOST',
  'LOG_LEVEL',
  'PLAYBOOKS_DIR',
  'DATA_DIR',
  'COSMOS_ENDPOINT',
  'COSMOS_KEY',
  'COSMOS_DATABASE',
  'MicrosoftAppId',
  'MicrosoftAppPassword',
  'MicrosoftAppType',
  'MicrosoftAppTenantId',
  'ALLOW_UNAUTHENTICATED',
  'CONNECTOR_TIMEOUT_MS',
  'STORE_TIMEOUT_MS',
  'SHUTDOWN_TIMEOUT_MS',
  'SHUTDOWN_DRAIN_MS',
  'APPLICATIONINSIGHTS_CONNECTION_STRING',
  'REMINDER_HOUR',
  'REMINDER_TIMEZONE',
  'REMINDER_LEAD_DAYS',
  'REMINDER_ESCALATE_AFTER_DAYS',
  'REMINDER_SWEEP_SECONDS',
  'REMINDER_CLAIM_LEASE_SECONDS',
  'PUBLIC_URL',
  'REPORT_SIGNING_KEY',
  'REPORT_KEY_VERSION',
] as const;

export const APP_TYPES = ['SingleTenant', 'MultiTenant', 'UserAssignedMSI'] as const;
export type AppType = (typeof APP_TYPES)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface BotCredentials {
  appId: string;
  appPassword?: string;
  appType: AppType;
  tenantId?: string;
}

export type StorageConfig =
  | { kind: 'sqlite'; dataDir: string }
  | { kind: 'cosmos'; endpoint: string; key?: string; database: string; managedIdentityClientId?: string };

export interface Timeouts {
  /** Every call to the Bot Connector (Teams) answers or fails within this. */
  connectorMs: number;
  /** Every store call answers or fails within this. */
  storeMs: number;
  /** On SIGTERM, in-flight requests and background sends get this long to finish. */
  shutdownMs: number;
  /** On SIGTERM, new connections are still served this long (at most half of shutdownMs), answered with Connection: close. */
  drainMs: number;
}

export interface ReminderConfig {
  /** Hour of the day (0–23), in each recipient's time zone, at which digests go out. */
  hour: number;
  /** Time zone of people whose own the bot has not learned yet. */
  timeZone: string;
  leadDays: number;
  escalateAfterDays: number;
  /** How often each instance looks for digests that are due. */
  sweepMs: number;
  /** A claimed digest not marked sent after this is taken to have died with its process, and sent again. */
  claimLeaseMs: number;
}

/** Signs the links to customers' engagement reports (see app/reportLinks). */
export interface ReportKeyConfig {
  /** Absent outside production when not set: the bot then makes one per start (links die with it). */
  secret?: Buffer;
  version: number;
}

export interface Config {
  production: boolean;
  /** The bot's address as Teams and browsers reach it (https in production); links and the tab use it. */
  publicUrl?: string;
  reportKey: ReportKeyConfig;
  port: number;
  host: string;
  logLevel: LogLevel;
  playbooksDir: string;
  storage: StorageConfig;
  /** Absent only outside production: the adapter then accepts unauthenticated local traffic. */
  bot?: BotCredentials;
  /** Turns from any other tenant are refused. MicrosoftAppTenantId, unless the app is MultiTenant. */
  allowedTenantId?: string;
  timeouts: Timeouts;
  /** Application Insights; telemetry is off without it. */
  telemetryConnectionString?: string;
  reminders: ReminderConfig;
}

/** Names every variable that is wrong, so one start shows every problem. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T, problems: string[]): T {
  const value = env[name]?.trim();
  if (!value) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  problems.push(`${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return fallback;
}

function port(env: Env, problems: string[]): number {
  const value = env.PORT?.trim();
  if (!value) return 3978;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed > 65535)
    problems.push(`PORT must be a whole number from 0 to 65535 (got "${value}")`);
  return parsed;
}

function milliseconds(env: Env, name: string, fallback: number, problems: string[]): number {
  return wholeNumber(env, name, fallback, [100, 600_000], problems, 'milliseconds');
}

function wholeNumber(
  env: Env,
  name: string,
  fallback: number,
  [min, max]: [number, number],
  problems: string[],
  unit?: string,
): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) {
    problems.push(`${name} must be a whole number${unit ? ` of ${unit}` : ''} from ${min} to ${max} (got "${value}")`);
    return fallback;
  }
  return parsed;
}

function timeZone(env: Env, problems: string[]): string {
  const zone = env.REMINDER_TIMEZONE?.trim() || 'UTC';
  const canonical = canonicalZone(zone);
  if (!canonical) problems.push(`REMINDER_TIMEZONE must be an IANA time zone such as Europe/Paris (got "${zone}")`);
  return canonical ?? zone;
}

function reminders(env: Env, problems: string[]): ReminderConfig {
  return {
    hour: wholeNumber(env, 'REMINDER_HOUR', 9, [0, 23], problems),
    timeZone: timeZone(env, problems),
    leadDays: wholeNumber(env, 'REMINDER_LEAD_DAYS', 5, [0, 60], problems),
    escalateAfterDays: wholeNumber(env, 'REMINDER_ESCALATE_AFTER_DAYS', 3, [0, 60], problems),
    sweepMs: wholeNumber(env, 'REMINDER_SWEEP_SECONDS', 60, [1, 3600], problems) * 1000,
    claimLeaseMs: wholeNumber(env, 'REMINDER_CLAIM_LEASE_SECONDS', 300, [1, 86_400], problems) * 1000,
  };
}

function publicUrl(env: Env, production: boolean, problems: string[]): string | undefined {
  const value = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (!value) {
    if (production)
      problems.push('PUBLIC_URL is required in production: the https address of the bot, for report links and the tab');
    return undefined;
  }
  const https = /^https:\/\/[^\s/?#]+$/.test(value);
  if (!https && (production || !/^http:\/\/[^\s/?#]+$/.test(value)))
    problems.push(
      `PUBLIC_URL must be ${production ? 'an https' : 'an http(s)'} origin such as https://bot.example.com (got "${value}")`,
    );
  return value;
}

/** At least 32 bytes, base64: an HMAC key as strong as its hash. */
const REPORT_KEY_BYTES = 32;

function reportKey(env: Env, production: boolean, problems: string[]): ReportKeyConfig {
  const version = wholeNumber(env, 'REPORT_KEY_VERSION', 1, [1, 1_000_000], problems);
  const value = env.REPORT_SIGNING_KEY?.trim();
  if (!value) {
    if (production)
      problems.push('REPORT_SIGNING_KEY is required in production: 32 bytes or more, base64 (openssl rand -base64 48)');
    return { version };
  }
  const secret = Buffer.from(value, 'base64');
  if (!/^[A-Za-z0-9+/=_-]+$/.test(value) || secret.length < REPORT_KEY_BYTES)
    problems.push(`REPORT_SIGNING_KEY must be base64 of ${REPORT_KEY_BYTES} bytes or more (openssl rand -base64 48)`);
  return { secret, version };
}

function flag(env: Env, name: string, problems: string[]): boolean {
  const value = env[name]?.trim().toLowerCase();
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  problems.push(`${name} must be true or false (got "${value}")`);
  return false;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

function storage(env: Env, problems: string[]): StorageConfig {
  const endpoint = env.COSMOS_ENDPOINT?.trim();
  if (!endpoint) return { kind: 'sqlite', dataDir: resolve(env.DATA_DIR?.trim() || './data') };
  if (!/^https?:\/\/[^\s/]+/.test(endpoint))
    problems.push(`COSMOS_ENDPOINT must be an http(s) URL (got "${endpoint}")`);
  return {
    kind: 'cosmos',
    endpoint,
    key: env.COSMOS_KEY?.trim() || undefined,
    database: env.COSMOS_DATABASE?.trim() || 'security-workshops',
  };
}

function credentials(env: Env, production: boolean, problems: string[]): BotCredentials | undefined {
  const appId = env.MicrosoftAppId?.trim();
  const appPassword = env.MicrosoftAppPassword?.trim() || undefined;
  const appType = oneOf(env, 'MicrosoftAppType', APP_TYPES, 'SingleTenant', problems);
  const tenantId = env.MicrosoftAppTenantId?.trim() || undefined;
  if (!appId) {
    if (production) problems.push('MicrosoftAppId is required in production: the bot will not run without credentials');
    if (appPassword) problems.push('MicrosoftAppPassword is set but MicrosoftAppId is not');
    return undefined;
  }
  if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be the bot's app id, a GUID (got "${appId}")`);
  if (tenantId && !GUID.test(tenantId)) {
    problems.push(`MicrosoftAppTenantId must be the Entra tenant id, a GUID (got "${tenantId}")`);
  }
  if (appType !== 'UserAssignedMSI' && !appPassword) {
    problems.push(`MicrosoftAppPassword is required for MicrosoftAppType ${appType}`);
  }
  if (appType !== 'MultiTenant' && !tenantId)
    problems.push(`MicrosoftAppTenantId is required for MicrosoftAppType ${appType}`);
  return { appId, appPassword, appType, tenantId };
}

/** Reads and validates every setting the bot uses. Throws ConfigError naming each bad variable. */
export function readConfig(env: Env): Config {
  const problems: string[] = [];
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'], 'development', problems);
  const production = nodeEnv === 'production';
  const config: Config = {
    production,
    publicUrl: publicUrl(env, production, problems),
    reportKey: reportKey(env, production, problems),
    port: port(env, problems),
    host: env.HOST?.trim() || (production ? '0.0.0.0' : '127.0.0.1'),
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info', problems),
    playbooksDir: resolve(env.PLAYBOOKS_DIR?.trim() || './playbooks'),
    storage: storage(env, problems),
    bot: credentials(env, production, problems),
    timeouts: {
      connectorMs: milliseconds(env, 'CONNECTOR_TIMEOUT_MS', 10_000, problems),
      storeMs: milliseconds(env, 'STORE_TIMEOUT_MS', 5_000, problems),
      shutdownMs: milliseconds(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, problems),
      drainMs: wholeNumber(env, 'SHUTDOWN_DRAIN_MS', production ? 3000 : 0, [0, 300_000], problems, 'milliseconds'),
    },
    reminders: reminders(env, problems),
  };
  const telemetry = env.APPLICATIONINSIGHTS_CONNECTION_STRING?.trim();
  if (telemetry) {
    if (/(^|;)\s*InstrumentationKey=[0-9a-f-]{36}/i.test(telemetry)) config.telemetryConnectionString = telemetry;
    else problems.push('APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string');
  }
  const allowUnauthenticated = flag(env, 'ALLOW_UNAUTHENTICATED', problems);
  if (!production && !config.bot && !LOOPBACK.has(config.host) && !allowUnauthenticated) {
    problems.push(
      `HOST ${config.host} is reachable from other machines, and without MicrosoftAppId requests are not authenticated: ` +
        'set the bot credentials, listen on 127.0.0.1, or set ALLOW_UNAUTHENTICATED=true',
    );
  }
  const tenant = env.MicrosoftAppTenantId?.trim();
  if (tenant && config.bot?.appType !== 'MultiTenant') config.allowedTenantId = tenant;
  if (config.storage.kind === 'cosmos' && !config.storage.key && config.bot?.appType === 'UserAssignedMSI') {
    config.storage.managedIdentityClientId = config.bot.appId;
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function loadDotEnv(): void {
  if (existsSync('.env')) process.loadEnvFile('.env');
}

/** The process environment, with a local `.env` file applied first when there is one. */
export function configFromProcess(): Config {
  loadDotEnv();
  return readConfig(process.env);
}

/** What the Teams app package names: the bot's app id, and the host its tab and SSO are served from. */
export function readPackageSettings(env: Env): { appId: string; domain: string } {
  const problems: string[] = [];
  const appId = env.MicrosoftAppId?.trim() ?? '';
  if (!GUID.test(appId)) problems.push(`MicrosoftAppId must be the bot's app id, a GUID (got "${appId}")`);
  const url = publicUrl(env, true, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return { appId, domain: new URL(url!).host };
}

export function packageSettingsFromProcess(): { appId: string; domain: string } {
  loadDotEnv();
  return readPackageSettings(process.env);
}

/** The embedded database's folder, for `npm run backup`: refused when the bot keeps its data in Cosmos DB. */
export function readSqliteDataDir(env: Env): string {
  const problems: string[] = [];
  const store = storage(env, problems);
  if (store.kind === 'sqlite') return store.dataDir;
  throw new ConfigError([
    'COSMOS_ENDPOINT is set: the data is in Cosmos DB, whose backups Azure takes; this command copies the embedded database only',
  ]);
}

export function sqliteDataDirFromProcess(): string {
  loadDotEnv();
  return readSqliteDataDir(process.env);
}
