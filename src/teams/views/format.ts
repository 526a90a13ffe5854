import { BoundedMap } from '../../boundedMap';
import { isTimeZone } from '../../domain/calendar';
import type { Person } from '../../domain/types';

export const joined = (values: string[]): string => values.join(', ');

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const names = (people: Person[]): string => (people.length ? joined(people.map((p) => p.name)) : 'nobody yet');

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
const clocks = new BoundedMap<string, Intl.DateTimeFormat>(500);

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
const formatted = new BoundedMap<string, string>(2000);

/** "29 Nov 2026, 09:30 UTC", or in the reader's own zone: "29 Nov 2026, 10:30 (Europe/Paris)". */
export function when(iso: string, timeZone?: string): string {
  const key = `${timeZone ?? ''}|${iso}`;
  let text = formatted.get(key);
  if (text === undefined) {
    const zone = timeZone && isTimeZone(timeZone) ? timeZone : 'UTC';
    const time = clock(zone).format(new Date(iso));
    text = zone === 'UTC' ? `${time} UTC` : `${time} (${zone})`;
    formatted.set(key, text);
  }
  return text;
}

export function due(isoDate: string | undefined): string {
  return isoDate ? `Due ${day(isoDate)}` : 'No target date';
}

/** "1 Dec 2026" for a YYYY-MM-DD date. */
export function day(isoDate: string): string {
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
