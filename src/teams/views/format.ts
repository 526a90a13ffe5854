import { LRUCache } from 'lru-cache';
import { canonicalZone } from '../../domain/calendar';
import { graphemes } from '../../domain/text';
import type { Person } from '../../domain/types';

export { STATUS_SYMBOL, STATUS_TEXT } from '../../domain/statusWords';

/**
 * Text a person wrote (a name, a reason, a feature), as a TextBlock or Fact shows it: it cannot become a
 * link, emphasis, a list, a heading or a mention. Markdown's own punctuation is escaped the CommonMark way,
 * and a word joiner (invisible) goes into what a renderer would turn into a link by itself: `https://`,
 * `www.`, `name.tld`. Every view shows people's text through this, and only through this.
 */
export function plain(text: string): string {
  return text
    .replace(/[\\`*_~[\]<>]/g, '\\$&')
    .replace(/^([-+#])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/:\/\//g, ':\u2060//')
    .replace(/([\p{L}\p{N}])\.(?=[\p{L}\p{N}])/gu, '$1\u2060.');
}

export const joined = (values: string[]): string => values.join(', ');

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "Contoso's", "Contoso Pharmaceuticals'". */
export const possessive = (name: string): string => (/s$/i.test(name) ? `${name}'` : `${name}'s`);

/** What one character costs on a card once made plain and JSON-encoded (a word joiner may follow . and :). */
const cardBytes = (character: string): number =>
  Buffer.byteLength(JSON.stringify(plain(character))) - 2 + (character === '.' || character === ':' ? 3 : 0);

/** The first graphemes of `text` whose costs add up to at most `maxBytes`, "…" marking a cut. */
function cut(text: string, maxBytes: number, cost: (character: string) => number): string | undefined {
  let used = 0;
  let end = 0;
  for (const { segment, index } of graphemes(text)) {
    used += cost(segment);
    if (used > maxBytes - 3) return text.slice(0, end || index);
    end = index + segment.length;
  }
  return undefined;
}

// Every card shows the same names again and again; escaping and measuring one is the costly part.
const shownTexts = new LRUCache<string, string>({
  max: 5000,
  maxSize: 2 ** 20,
  sizeCalculation: (value, key) => value.length + key.length,
});

/**
 * Person-written text as a card shows it (see plain), cut on a character boundary so that it costs at most
 * `maxBytes` of the card; "…" marks the cut. Each card's budget is the sum of such parts.
 */
export function shown(text: string, maxBytes: number): string {
  const key = `${maxBytes}|${text}`;
  let result = shownTexts.get(key);
  if (result === undefined) {
    result = fittedPlain(text, maxBytes);
    shownTexts.set(key, result);
  }
  return result;
}

function fittedPlain(text: string, maxBytes: number): string {
  // Most texts fit whole: then one measure of the whole, not one per character.
  const whole = plain(text);
  if (Buffer.byteLength(JSON.stringify(whole)) - 2 <= maxBytes) return whole;
  const start = cut(text, maxBytes, cardBytes);
  return start === undefined ? plain(text) : `${plain(start)}…`;
}

/** Text where a card shows it as it is (a choice, a button title): cut to `maxBytes`, never escaped. */
export function fitted(text: string, maxBytes: number): string {
  const start = cut(text, maxBytes, (c) => Buffer.byteLength(JSON.stringify(c)) - 2);
  return start === undefined ? text : `${start}…`;
}

/** The customer's name in a heading or a line. */
const CUSTOMER_BYTES = 300;
export const customer = (name: string): string => shown(name, CUSTOMER_BYTES);

/** A name in a list: Teams names can be long, and a list shows many. */
export const NAME_BYTES = 60;
export const personName = (person: Person): string => shown(person.name, NAME_BYTES);

/** "Ana, Ben, Cleo and 22 more": a list of people never grows with the team. */
export const names = (people: Person[], listed = 3): string =>
  people.length
    ? nameList(
        people.map((p) => p.name),
        listed,
      )
    : 'nobody yet';

/** The same for names alone. */
export function nameList(all: string[], listed = 3): string {
  const first = joined(all.slice(0, listed).map((name) => shown(name, NAME_BYTES)));
  return all.length > listed ? `${first} and ${all.length - listed} more` : first;
}

/**
 * Who a card is rendered for: a person sees the buttons they may press, in their own time zone. Without a
 * person it is the copy everyone shares in the channel, which is read-only: its Refresh (or Teams' automatic
 * refresh) answers with the person's own copy.
 */
export interface Viewer {
  person?: Person;
  /** IANA time zone Teams sent with the person's activity. */
  timeZone?: string;
}

/** A person's own copy. */
export type PersonalViewer = Viewer & { person: Person };

/** Whether the viewer's copy shows a button that `rule` allows them to press; the shared copy shows none. */
export const mayPress = (viewer: Viewer, rule: (person: Person) => boolean): boolean =>
  viewer.person !== undefined && rule(viewer.person);

// Built once per zone: constructing an Intl formatter costs far more than using one.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const clocks = new LRUCache<string, Intl.DateTimeFormat>({ max: 500 });

function clock(timeZone: string): Intl.DateTimeFormat {
  let format = clocks.get(timeZone);
  if (!format) {
    const options = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' } as const;
    format = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
    clocks.set(timeZone, format);
  }
  return format;
}

// Every card shows the same few change times again and again; formatting one is the costly part.
const formatted = new LRUCache<string, string>({ max: 2000 });

/** A UTC time as toISOString writes it; its minute ("2026-11-29T09:30") is all that `when` shows of it. */
const UTC_ISO = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}):\d{2}(\.\d{3})?Z$/;

/** "29 Nov 2026, 09:30 UTC", or in the reader's own zone: "29 Nov 2026, 10:30 (Europe/Paris)". */
export function when(iso: string, timeZone?: string): string {
  // Times within one minute read the same, so they share an entry: clicks a second apart format once.
  const key = `${timeZone ?? ''}|${UTC_ISO.exec(iso)?.[1] ?? iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const zone = readerZone(timeZone);
    const time = clock(zone).format(new Date(iso));
    text = zone === 'UTC' ? `${time} UTC` : `${time} (${zone})`;
    formatted.set(key, text);
  }
  return text;
}

/** The zone a reader's times are shown in: theirs when Teams sent a valid one, else UTC. */
export const readerZone = (timeZone?: string): string => (timeZone && canonicalZone(timeZone)) || 'UTC';

/** A change time for a list grouped by day, in the reader's zone: "29 Nov 2026" and "09:30", with the zone. */
export function dayAndTime(iso: string, timeZone?: string): { day: string; time: string } {
  const parts = clock(readerZone(timeZone)).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: `${part('day')} ${part('month')} ${part('year')}`, time: `${part('hour')}:${part('minute')}` };
}

export function due(isoDate: string | undefined): string {
  return isoDate ? `Due ${day(isoDate)}` : 'No target date';
}

/** "1 Dec 2026" for a YYYY-MM-DD date. */
export function day(isoDate: string): string {
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
