import type { ItemDefinition } from '@azure/cosmos';
import type { EngagementStore, TrailQuery } from '../app/ports';
import type { Versioned } from '../app/versionedWrites';
import type { AuditEvent, Engagement } from '../domain/types';
import { type CosmosDocuments, withoutSystemProperties } from './cosmosDocuments';
import type { CosmosTrail } from './cosmosTrail';

/** Engagements in their container, partitioned by id, and their trails in the audit container. */
export class CosmosEngagementStore implements EngagementStore {
  constructor(
    private readonly engagements: CosmosDocuments<Engagement>,
    private readonly audit: CosmosTrail,
  ) {}

  get(id: string): Promise<Versioned<Engagement> | undefined> {
    return this.engagements.get(id);
  }

  create(engagement: Engagement): Promise<Versioned<Engagement>> {
    return this.engagements.create(engagement);
  }

  /** The moved events are written first: if the replace then fails, readers still see each event once. */
  async replace(engagement: Engagement, etag: string, moved: AuditEvent[] = []): Promise<Versioned<Engagement>> {
    await this.audit.keep(engagement.id, moved);
    return this.engagements.replace(engagement, etag);
  }

  trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    return this.audit.read(engagementId, query);
  }

  /** The trail goes first: a crash part-way leaves the engagement in place, and deleting again finishes. */
  async delete(engagementId: string): Promise<void> {
    await this.audit.deleteAll(engagementId);
    await this.engagements.delete(engagementId);
  }

  async listByMember(key: string): Promise<Engagement[]> {
    const { resources } = await this.engagements.container.items
      .query<ItemDefinition>({
        query: 'SELECT * FROM c WHERE ARRAY_CONTAINS(c.memberKeys, @key) ORDER BY c.id',
        parameters: [{ name: '@key', value: key }],
      })
      .fetchAll();
    return resources.map((r) => withoutSystemProperties<Engagement>(r));
  }
}
