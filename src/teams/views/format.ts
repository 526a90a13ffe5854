import type { Person } from '../../domain/types';

export const joined = (values: string[]): string => values.join(', ');

export const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

export const names = (people: Person[]): string => (people.length ? joined(people.map((p) => p.name)) : 'nobody yet');

/** "29 Nov 2026, 09:30 UTC": unambiguous for a customer anywhere. */
export function when(iso: string): string {
  const d = new Date(iso);
  const date = d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const time = d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${date}, ${time} UTC`;
}

export function due(isoDate: string | undefined): string {
  return isoDate ? `Due ${day(isoDate)}` : 'No target date';
}

export function day(isoDate: string | undefined): string {
  if (!isoDate) return 'no target date';
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
