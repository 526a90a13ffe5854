import pino from 'pino';
import type { LogLevel } from './config';

export interface Logger {
  debug(obj: object | string, msg?: string): void;
  info(obj: object | string, msg?: string): void;
  warn(obj: object | string, msg?: string): void;
  error(obj: object | string, msg?: string): void;
  child(bindings: { component: string } & Record<string, unknown>): Logger;
}

/** Paths of values that must never reach a log line. */
export const REDACTED_PATHS = [
  'appPassword',
  '*.appPassword',
  'key',
  '*.key',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
];

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: undefined }, destination);
}
