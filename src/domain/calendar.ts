/** Calendar days as YYYY-MM-DD strings, business days, and wall-clock times in a time zone. Pure. */

const DAY_MS = 86_400_000;

const toUtc = (date: string): number => Date.parse(`${date}T00:00:00Z`);
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => fromUtc(toUtc(date) + days * DAY_MS);

/** 0 Sunday … 6 Saturday. */
export const weekday = (date: string): number => new Date(toUtc(date)).getUTCDay();

export const isBusinessDay = (date: string): boolean => weekday(date) !== 0 && weekday(date) !== 6;

/** Business days d with from < d ≤ to (negative when `to` is before `from`). */
export function businessDaysBetween(from: string, to: string): number {
  if (to < from) return -businessDaysBetween(to, from);
  const days = Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
  const start = weekday(from);
  // Every whole week holds five business days; then the days left over, counted one by one.
  let count = Math.floor(days / 7) * 5;
  for (let i = 1; i <= days % 7; i++) if ((start + i) % 7 !== 0 && (start + i) % 7 !== 6) count++;
  return count;
}

export function nextBusinessDay(date: string): string {
  let next = addDays(date, 1);
  while (!isBusinessDay(next)) next = addDays(next, 1);
  return next;
}

/** The first business day of its week (Monday to Sunday). */
export const isFirstBusinessDayOfWeek = (date: string): boolean => weekday(date) === 1;

/**
 * Zones already found valid, by the spelling asked, with the spelling Intl gives them ("europe/PARIS" is
 * "Europe/Paris"). Teams sends the person's zone with every activity, and building a formatter to check one
 * costs several microseconds. Bounded: zone names are case-insensitive, so their spellings are many.
 */
const knownZones = new Map<string, string>();
const ZONES_KEPT = 1000;

/** The zone's own spelling, or undefined when `zone` names no IANA time zone. */
export function canonicalZone(zone: string): string | undefined {
  const known = knownZones.get(zone);
  if (known) return known;
  let canonical: string;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
  if (knownZones.size < ZONES_KEPT) knownZones.set(zone, canonical);
  return canonical;
}

/**
 * One formatter per zone, up to ZONES_KEPT. Zones reach here in their own spelling (canonicalZone), so only
 * people stored by an earlier version, in other spellings, could fill it; past that a formatter is built per call.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsIn(zone: string, at: Date): Record<string, number> {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    if (formatters.size < ZONES_KEPT) formatters.set(zone, format);
  }
  return Object.fromEntries(
    format
      .formatToParts(at)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  );
}

/** The calendar date at instant `at` in `zone`. */
export function localDate(at: Date, zone: string): string {
  const p = partsIn(zone, at);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** How far `zone`'s wall clock is ahead of UTC at instant `at`, in ms. */
function offsetMs(at: number, zone: string): number {
  const p = partsIn(zone, new Date(at));
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at / 1000) * 1000;
}

/**
 * The instant at which `zone`'s wall clock shows `hour`:00 on `date`. When a daylight-saving change skips
 * that hour, the first instant after the gap; when it repeats it, the first of the two.
 */
export function zonedInstant(date: string, hour: number, zone: string): Date {
  const wall = toUtc(date) + hour * 3_600_000;
  const candidates = [offsetMs(wall - DAY_MS / 2, zone), offsetMs(wall + DAY_MS / 2, zone)].map((o) => wall - o);
  const exact = candidates.filter((at) => at + offsetMs(at, zone) === wall).sort((a, b) => a - b);
  if (exact.length > 0) return new Date(exact[0]!);
  return new Date(Math.max(...candidates));
}
