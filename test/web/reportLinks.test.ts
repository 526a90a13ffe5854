import { ReportLinks } from '../../src/app/reportLinks';

const key = { secret: Buffer.alloc(32, 9), version: 3 };
const links = new ReportLinks(key, () => 'https://bot.example.com');
const NOW = new Date('2026-12-04T10:20:00Z');
const DAY = 86_400_000;

const parsed = (url: string, id = 'eng-1') => links.parse(id, new URL(url).searchParams)!;

describe('signed report links', () => {
  it('open the report for 7 days, and carry nothing but the engagement id, expiry, generation, key version and signature', () => {
    const url = links.urlFor('eng-1', 0, NOW);
    expect(url).toMatch(/^https:\/\/bot\.example\.com\/report\/eng-1\?x=\d+&g=0&k=3&s=[\w-]{43}$/);
    expect(links.check(parsed(url), 0, NOW)).toBe('valid');
    expect(links.check(parsed(url), 0, new Date(NOW.getTime() + 7 * DAY))).toBe('valid');
    expect(links.check(parsed(url), 0, new Date(NOW.getTime() + 7 * DAY + 3_600_000))).toBe('expired');
  });

  it('are refused once changed in any part, for another engagement, after a revoke, or under another key', () => {
    const url = links.urlFor('eng-1', 0, NOW);
    const changed = (name: string, value: string) => {
      const u = new URL(url);
      u.searchParams.set(name, value);
      return u.toString();
    };
    expect(links.check(parsed(changed('x', String(Number(new URL(url).searchParams.get('x')) + 86_400))), 0, NOW)).toBe(
      'invalid',
    );
    expect(links.check(parsed(changed('s', 'A'.repeat(43))), 0, NOW)).toBe('invalid');
    expect(links.check(parsed(url, 'eng-2'), 0, NOW)).toBe('invalid');
    expect(links.check(parsed(url), 1, NOW)).toBe('invalid');
    const rotated = new ReportLinks({ ...key, version: 4 }, () => 'https://bot.example.com');
    expect(rotated.check(parsed(url), 0, NOW)).toBe('invalid');
    expect(links.parse('eng-1', new URLSearchParams('x=abc&g=0&k=3&s=x'))).toBeUndefined();
  });
});
