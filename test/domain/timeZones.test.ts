import { canonicalZone } from '../../src/domain/calendar';

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
    expect(canonicalZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalZone('Europe/Paris')).toBe('Europe/Paris');
    expect(canonicalZone('Not/AZone')).toBeUndefined();
    expect(canonicalZone('Not/AZone')).toBeUndefined();
    expect(canonicalZone('')).toBeUndefined();
  });

  it('gives a zone spelled in any case its own spelling', () => {
    expect(canonicalZone('europe/PARIS')).toBe('Europe/Paris');
    expect(canonicalZone('utc')).toBe('UTC');
  });

  it('still answers right once more spellings were asked than it keeps', () => {
    const many = spellings('America/New_York');
    expect(many.length).toBeGreaterThan(1000);
    for (const zone of many) expect(canonicalZone(zone)).toBe('America/New_York');
    for (const zone of spellings('Europe/Nowhere')) expect(canonicalZone(zone)).toBeUndefined();
    expect(canonicalZone('Asia/Tokyo')).toBe('Asia/Tokyo');
  });
});
