import { LRUCache } from 'lru-cache';
import type { EngagementStore, TrailQuery } from '../app/ports';
import { ConflictError, NotFoundError, type Versioned } from '../app/versionedWrites';
import type { AuditEvent, Engagement } from '../domain/types';
import type { CosmosEngagementData } from './cosmosEngagementData';
import type { CosmosMembers, MemberEntry } from './cosmosMembers';

/** Engagements read at once for "my engagements": point reads, the cheapest request there is. */
const READ_CONCURRENCY = 16;
/**
 * An entry older than this whose engagement does not list the person is left over from a write that lost
 * or a deletion cut short, and is removed. Younger ones may belong to a write still under way.
 */
export const STALE_MEMBER_MS = 5 * 60_000;

const minus = (a: readonly string[], b: readonly string[]) => a.filter((key) => !b.includes(key));

/**
 * Engagements and their trails, one partition each (CosmosEngagementData), and who holds a role where
 * (CosmosMembers). A task action is two requests: the point read and one transactional batch. The members
 * index is written only when the people change: added before the batch, removed after it.
 */
export class CosmosEngagementStore implements EngagementStore {
  /** The people of each engagement as read or written here, by etag: a write knows who it removes. */
  private readonly people = new LRUCache<string, { etag: string; keys: readonly string[] }>({ max: 10_000 });

  constructor(
    private readonly data: CosmosEngagementData,
    private readonly members: CosmosMembers,
    private readonly now: () => number = Date.now,
  ) {}

  async get(id: string): Promise<Versioned<Engagement> | undefined> {
    return this.remember(await this.data.get(id));
  }

  async create(engagement: Engagement): Promise<Versioned<Engagement>> {
    await this.members.add(engagement.id, engagement.memberKeys);
    return this.remember(await this.data.create(engagement))!;
  }

  async replace(engagement: Engagement, etag: string, moved: AuditEvent[] = []): Promise<Versioned<Engagement>> {
    const before = await this.peopleAt(engagement.id, etag);
    await this.members.add(engagement.id, minus(engagement.memberKeys, before));
    const written = await this.data.replace(engagement, etag, moved);
    await this.members.remove(engagement.id, minus(before, engagement.memberKeys));
    return this.remember(written)!;
  }

  trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    return this.data.trail(engagementId, query);
  }

  async delete(engagementId: string): Promise<void> {
    const current = await this.data.get(engagementId);
    await this.data.deleteAll(engagementId);
    this.people.delete(engagementId);
    if (current) await this.members.remove(engagementId, current.value.memberKeys);
  }

  outdated(playbookId: string, currentVersion: string): Promise<string[]> {
    return this.data.outdated(playbookId, currentVersion);
  }

  async listByMember(key: string): Promise<Engagement[]> {
    const pending = await this.members.of(key);
    const found: Engagement[] = [];
    const reader = async () => {
      for (let entry = pending.shift(); entry; entry = pending.shift()) {
        const engagement = (await this.get(entry.engagementId))?.value;
        if (engagement?.memberKeys.includes(key)) found.push(engagement);
        else await this.forgetIfStale(entry, key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, pending.length) }, reader));
    return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  private async forgetIfStale(entry: MemberEntry, key: string): Promise<void> {
    if (this.now() - entry.writtenAt > STALE_MEMBER_MS) await this.members.remove(entry.engagementId, [key]);
  }

  /** Who held a role in the version about to be replaced; a version no longer stored fails as the write would. */
  private async peopleAt(id: string, etag: string): Promise<readonly string[]> {
    const known = this.people.get(id);
    if (known?.etag === etag) return known.keys;
    const current = await this.get(id);
    if (!current) throw new NotFoundError(id);
    if (current.etag !== etag) throw new ConflictError(id);
    return current.value.memberKeys;
  }

  private remember(found: Versioned<Engagement> | undefined): Versioned<Engagement> | undefined {
    if (found) this.people.set(found.value.id, { etag: found.etag, keys: found.value.memberKeys });
    return found;
  }
}
