import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';

/** The signing keys could not be fetched (the metadata or key address failed or did not answer). */
export class KeysUnavailableError extends Error {
  constructor(readonly problem: string) {
    super(`signing keys unavailable: ${problem}`);
    this.name = 'KeysUnavailableError';
  }
}

export interface SigningKey {
  key: KeyObject;
  /** The channels a Bot Framework key may sign for, when it names them. */
  endorsements?: string[];
}

export interface OpenIdKeysOptions {
  /** Each fetch of the metadata or the keys answers within this. */
  timeoutMs: number;
  /** Keys are fetched again after this. */
  maxAgeMs?: number;
  /** An unknown key id fetches the keys again at most this often, so forged ids cannot make us hammer the issuer. */
  unknownKeyRefreshMs?: number;
}

type Jwk = JsonWebKey & { kid?: string; endorsements?: unknown };

/** Signing keys published behind an OpenID metadata document (its `jwks_uri`), fetched lazily and cached. */
export class OpenIdKeys {
  private keys = new Map<string, SigningKey>();
  private fetchedAt = 0;
  private refreshing: Promise<void> | undefined;

  constructor(
    private readonly metadataUrl: string,
    private readonly options: OpenIdKeysOptions,
  ) {}

  /** The key with this id, or undefined when the issuer publishes none. Throws KeysUnavailableError. */
  async key(kid: string): Promise<SigningKey | undefined> {
    const age = Date.now() - this.fetchedAt;
    const stale = age > (this.options.maxAgeMs ?? 24 * 3_600_000);
    const unknownMayRefresh = !this.keys.has(kid) && age > (this.options.unknownKeyRefreshMs ?? 5 * 60_000);
    if (this.fetchedAt === 0 || stale || unknownMayRefresh) {
      try {
        await this.refresh();
      } catch (error) {
        // Keys fetched before still serve while the issuer is briefly down.
        if (this.fetchedAt === 0) throw error;
      }
    }
    return this.keys.get(kid);
  }

  private refresh(): Promise<void> {
    this.refreshing ??= this.fetchKeys().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async fetchKeys(): Promise<void> {
    const metadata = await this.json<{ jwks_uri?: unknown }>(this.metadataUrl);
    if (typeof metadata.jwks_uri !== 'string') throw new KeysUnavailableError('the metadata names no jwks_uri');
    const { keys } = await this.json<{ keys?: unknown }>(metadata.jwks_uri);
    if (!Array.isArray(keys)) throw new KeysUnavailableError('the key set has no keys');
    const parsed = new Map<string, SigningKey>();
    for (const jwk of keys as Jwk[]) {
      if (typeof jwk.kid !== 'string' || jwk.kty !== 'RSA' || !jwk.n || !jwk.e) continue;
      const endorsements = Array.isArray(jwk.endorsements) ? jwk.endorsements.map(String) : undefined;
      const key = createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e }, format: 'jwk' });
      parsed.set(jwk.kid, { key, ...(endorsements && { endorsements }) });
    }
    this.keys = parsed;
    this.fetchedAt = Date.now();
  }

  private async json<T>(url: string): Promise<T> {
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch {
      throw new KeysUnavailableError('no answer');
    }
    if (!response.ok) throw new KeysUnavailableError(`answered ${response.status}`);
    try {
      return (await response.json()) as T;
    } catch {
      throw new KeysUnavailableError('the answer is not JSON');
    }
  }
}
