import { isTimeZone } from '../../src/domain/calendar';

/** Every spelling of a zone name by the case of its letters (zone names are case-insensitive). */
function spellings(zone: string): string[] {
  const letters = [...zone];
  const at = letters.flatMap((c, i) => (c.toLowerCase() !== c.toUpperCase() ? [i] : [])).slice(0, 11);
  return Array.from({ length: 2 ** at.length }, (_, mask) =>
    letters
      .map((c, i) => (at.indexOf(i) >= 0 && mask & (1 << at.indexOf(i)) ? c.toUpperCase() : c.toLowerCase()))
      .join(''),
  );
}

describe('time zones Teams sends', () => {
  it('knows a zone, every time it is asked, and never a name that is not one', () => {
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Europe/Paris')).toBe(true);
    expect(isTimeZone('Not/AZone')).toBe(false);
    expect(isTimeZone('Not/AZone')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('still answers right once more spellings were asked than it keeps', () => {
    const many = spellings('America/New_York');
    expect(many.length).toBeGreaterThan(1000);
    for (const zone of many) expect(isTimeZone(zone)).toBe(true);
    for (const zone of spellings('Europe/Nowhere')) expect(isTimeZone(zone)).toBe(false);
    expect(isTimeZone('Asia/Tokyo')).toBe(true);
  });
});
