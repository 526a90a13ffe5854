import { addDays, businessDaysBetween, isBusinessDay } from '../../src/domain/calendar';

/** Counting day by day, as the definition says: business days d with from < d ≤ to. */
function counted(from: string, to: string): number {
  if (to < from) return -counted(to, from);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isBusinessDay(d)) count++;
  return count;
}

describe('business days between two dates', () => {
  it('agrees with counting day by day, from every weekday, over spans of up to a year, both ways', () => {
    for (let start = 0; start < 7; start++) {
      const from = addDays('2026-11-30', start);
      for (const span of [0, 1, 2, 4, 5, 6, 7, 8, 13, 14, 30, 61, 365]) {
        const to = addDays(from, span);
        expect([from, to, businessDaysBetween(from, to)]).toEqual([from, to, counted(from, to)]);
        expect(businessDaysBetween(to, from)).toBe(span === 0 ? 0 : -counted(from, to));
      }
    }
  });
});
