import { isTimeZone } from '../../src/domain/calendar';

/** Spellings of a zone name by the case of its first `letters` letters (zone names are case-insensitive). */
function spellings(zone: string, letters = 11): string[] {
  const at = [...zone].flatMap((c, i) => (/[a-z]/i.test(c) ? [i] : [])).slice(0, letters);
  return Array.from({ length: 2 ** at.length }, (_, mask) => {
    const chars = [...zone.toLowerCase()];
    at.forEach((i, bit) => {
      if (mask & (1 << bit)) chars[i] = chars[i]!.toUpperCase();
    });
    return chars.join('');
  });
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
