import { InvalidInputError } from './errors';

/** Trimmed text, undefined when blank; longer than `limit` is refused. */
export function checkedText(field: string, value: string | undefined, limit: number): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (text.length > limit) throw new InvalidInputError(field, `is ${text.length} characters; the limit is ${limit}`);
  return text;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
