import { LRUCache } from 'lru-cache';
import type { Versioned } from '../app/versionedWrites';
import { deepFreeze } from '../deepFreeze';

/**
 * Parsed documents by id, reused while the stored etag is the same: parsing the JSON is most of a read's
 * cost, and most reads follow this process's own write. Every reader shares a cached document, so it is
 * frozen: the domain never changes an engagement in place (it builds the next one), and a change in place
 * would throw rather than corrupt what others read.
 */
export class DocumentCache<T> {
  private readonly entries: LRUCache<string, Versioned<T>>;

  constructor(limit = 1000) {
    this.entries = new LRUCache({ max: limit });
  }

  /** The document of `id` if the one cached is the one stored under `etag`. */
  cached(id: string, etag: string): Versioned<T> | undefined {
    const entry = this.entries.get(id);
    return entry?.etag === etag ? entry : undefined;
  }

  /** Remembers the document just written or read under `etag`. */
  wrote(id: string, value: T, etag: string): Versioned<T> {
    const entry = { value: deepFreeze(value), etag };
    this.entries.set(id, entry);
    return entry;
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}
