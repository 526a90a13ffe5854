import { InvalidInputError } from './errors';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** The characters of `text` as a person sees them (grapheme clusters), each with where it starts. */
export const graphemes = (text: string): Intl.Segments => segmenter.segment(text);

/**
 * Text as a person typed it, made safe to keep and to show: NFC, line breaks and tabs as single spaces, and
 * no control, bidi-override or zero-width characters (Unicode Cc and Cf), which could make a file name read
 * backwards or two areas look the same.
 */
export function cleanText(value: string): string {
  return value
    .normalize('NFC')
    .replace(/[\t\n\v\f\r\u0085\u2028\u2029]+/g, ' ')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** How many characters a person sees: grapheme clusters, not UTF-16 units. */
export function visibleLength(text: string): number {
  return [...segmenter.segment(text)].length;
}

/** The form two texts are compared in for duplicates: cleaned, compatibility-normalised and case-folded. */
export function comparable(text: string): string {
  return cleanText(text).normalize('NFKC').toUpperCase().toLowerCase();
}

/** Cleaned text, undefined when blank; longer than `limit` visible characters is refused. */
export function checkedText(field: string, value: string | undefined, limit: number): string | undefined {
  const text = cleanText(value ?? '');
  if (!text) return undefined;
  const length = visibleLength(text);
  if (length > limit) throw new InvalidInputError(field, `is ${length} characters; the limit is ${limit}`);
  return text;
}

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/** At most `max` visible characters, ending in "…" when something was cut. */
export function clipped(text: string, max: number): string {
  if (text.length <= max) return text;
  const parts: string[] = [];
  for (const { segment } of segmenter.segment(text)) {
    if (parts.length === max) {
      parts[max - 1] = '…';
      return parts.join('');
    }
    parts.push(segment);
  }
  return text;
}

/** Teams display names are the person's own text too: cleaned, and never longer than this. */
const NAME_LIMIT = 100;

export const cleanName = (name: string | undefined, fallback: string): string =>
  clipped(cleanText(name ?? ''), NAME_LIMIT) || fallback;
