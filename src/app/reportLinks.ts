import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a report link opens the report. */
export const REPORT_LINK_DAYS = 7;
const HOUR_MS = 3_600_000;

export interface ReportKey {
  /** At least 32 bytes, from configuration or Key Vault. */
  secret: Buffer;
  /** Named in every link, so that a new key can replace the old one. */
  version: number;
}

export interface ReportLink {
  engagementId: string;
  /** Seconds since the epoch after which the link no longer opens the report. */
  expires: number;
  /** The engagement's link generation: revoking its links moves it on. */
  generation: number;
  keyVersion: number;
}

export type LinkCheck = 'valid' | 'expired' | 'invalid';

const signature = (secret: Buffer, link: ReportLink): Buffer =>
  createHmac('sha256', secret)
    .update(`report|${link.engagementId}|${link.expires}|${link.generation}|${link.keyVersion}`)
    .digest();

/**
 * Signed, expiring links to an engagement's report: an HMAC over the engagement id, the expiry, the link
 * generation and the key version. The query string carries nothing else, so no personal data.
 */
export class ReportLinks {
  constructor(
    private readonly key: ReportKey,
    /** The bot's public address (known once it listens, in development). */
    private readonly baseUrl: () => string,
  ) {}

  /** A link valid for 7 days from `now`, to the hour (so a card rendered twice in an hour shows the same link). */
  urlFor(engagementId: string, generation: number, now: Date): string {
    const expires = Math.ceil((now.getTime() + REPORT_LINK_DAYS * 24 * HOUR_MS) / HOUR_MS) * (HOUR_MS / 1000);
    const link = { engagementId, expires, generation, keyVersion: this.key.version };
    const query = new URLSearchParams({
      x: String(expires),
      g: String(generation),
      k: String(this.key.version),
      s: signature(this.key.secret, link).toString('base64url'),
    });
    return `${this.baseUrl()}/report/${encodeURIComponent(engagementId)}?${query}`;
  }

  /** Reads a link's query; undefined when it is not one of ours at all. */
  parse(engagementId: string, query: URLSearchParams): (ReportLink & { signature: string }) | undefined {
    const [expires, generation, keyVersion] = ['x', 'g', 'k'].map((name) => Number(query.get(name) ?? NaN));
    const sig = query.get('s') ?? '';
    if (![expires, generation, keyVersion].every((n) => Number.isSafeInteger(n) && n! >= 0) || !sig) return undefined;
    return { engagementId, expires: expires!, generation: generation!, keyVersion: keyVersion!, signature: sig };
  }

  /** Whether the link was signed by our key for this generation, and is still within its 7 days. */
  check(link: ReportLink & { signature: string }, currentGeneration: number, now: Date): LinkCheck {
    if (link.keyVersion !== this.key.version || link.generation !== currentGeneration) return 'invalid';
    const expected = signature(this.key.secret, link);
    const given = Buffer.from(link.signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'invalid';
    return now.getTime() / 1000 > link.expires ? 'expired' : 'valid';
  }
}
