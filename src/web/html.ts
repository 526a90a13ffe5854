/** Markup built by `html`: put into another template as it is, never escaped twice. */
export class Html {
  constructor(readonly markup: string) {}
  toString(): string {
    return this.markup;
  }
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML shows it: never markup, whatever a person typed. */
export const escaped = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

function piece(value: unknown): string {
  if (value instanceof Html) return value.markup;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === undefined || value === null || value === false) return '';
  return escaped(String(value));
}

/**
 * A template whose every value is escaped (text, numbers), unless it is itself `html` (markup built the same
 * way) or an array of those. Pages are built only through this, so people's text is never markup.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  return new Html(strings.reduce((out, text, i) => out + text + (i < values.length ? piece(values[i]) : ''), ''));
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** "4 Dec 2026", as the cards write a date, from an ISO date or instant. */
export const dayOf = (iso: string): string => {
  const at = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(at) ? iso : DAY.format(at);
};
