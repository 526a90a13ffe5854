import type { Person } from '../../domain/types';

export const joined = (values: string[]): string => values.join(', ');

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const names = (people: Person[]): string => (people.length ? joined(people.map((p) => p.name)) : 'nobody yet');

// Built once: constructing an Intl formatter costs far more than using one.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });

/** "29 Nov 2026, 09:30 UTC": unambiguous for a customer anywhere. */
export function when(iso: string): string {
  const d = new Date(iso);
  return `${DATE.format(d)}, ${TIME.format(d)} UTC`;
}

export function due(isoDate: string | undefined): string {
  return isoDate ? `Due ${day(isoDate)}` : 'No target date';
}

/** "1 Dec 2026" for a YYYY-MM-DD date. */
export function day(isoDate: string): string {
  return DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
