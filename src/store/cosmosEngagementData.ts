import type { Container, ItemDefinition, JSONObject, OperationInput } from '@azure/cosmos';
import type { TrailQuery } from '../app/ports';
import { AlreadyExistsError, type Versioned } from '../app/versionedWrites';
import type { AuditEvent, Engagement } from '../domain/types';
import { BATCH_LIMIT, runBatch } from './cosmosBatch';
import { statusOf, withoutSystemProperties } from './cosmosDocuments';

type EngagementDocument = Engagement & { engagementId: string; kind: 'engagement' };

export interface EventDocument {
  id: string;
  engagementId: string;
  kind: 'event';
  seq: number;
  taskId?: string;
  event: AuditEvent;
}

/** The engagement's own document in its partition. */
export const engagementDocument = (engagement: Engagement): EngagementDocument => ({
  ...engagement,
  engagementId: engagement.id,
  kind: 'engagement',
});

function toEngagement(resource: ItemDefinition): Engagement {
  const {
    engagementId: _partition,
    kind: _kind,
    ...engagement
  } = withoutSystemProperties<EngagementDocument>(resource);
  return engagement;
}

/** Documents are plain JSON; the SDK's batch types ask for it by an index signature our types do not declare. */
const asJson = (doc: object): JSONObject => doc as JSONObject;

/** An event's document: its id is its number, so writing it twice leaves one copy. */
export const eventDocument = (engagementId: string, event: AuditEvent): EventDocument => ({
  id: `event-${event.seq ?? 0}`,
  engagementId,
  kind: 'event',
  seq: event.seq ?? 0,
  ...(event.taskId && { taskId: event.taskId }),
  event,
});

/**
 * One partition per engagement in the `engagementData` container: the engagement's document and one
 * document per event its document no longer holds. A change and the events it moves are one
 * transactional batch: the replace on the etag first, then the events.
 */
export class CosmosEngagementData {
  constructor(readonly container: Container) {}

  async get(id: string): Promise<Versioned<Engagement> | undefined> {
    const response = await this.container.item(id, id).read<ItemDefinition>();
    if (response.statusCode === 404 || !response.resource) return undefined;
    return { value: toEngagement(response.resource), etag: response.etag };
  }

  async create(engagement: Engagement): Promise<Versioned<Engagement>> {
    try {
      const response = await this.container.items.create(engagementDocument(engagement));
      return { value: engagement, etag: response.etag };
    } catch (error) {
      if (statusOf(error) === 409) throw new AlreadyExistsError(engagement.id);
      throw error;
    }
  }

  async replace(engagement: Engagement, etag: string, moved: AuditEvent[]): Promise<Versioned<Engagement>> {
    const id = engagement.id;
    // A batch holds 100 operations; a document of the first layout can shed more events at once. Those
    // beyond go first, each idempotent, and readers see an event in both places once (see docs/audit.md).
    const spill = moved.slice(0, Math.max(0, moved.length - (BATCH_LIMIT - 1)));
    for (const event of spill) await this.container.items.upsert(eventDocument(id, event));
    const operations: OperationInput[] = [
      { operationType: 'Replace', id, resourceBody: asJson(engagementDocument(engagement)), ifMatch: etag },
      ...moved
        .slice(spill.length)
        .map((event): OperationInput => ({ operationType: 'Upsert', resourceBody: asJson(eventDocument(id, event)) })),
    ];
    const [replaced] = await runBatch(this.container, id, operations);
    return { value: engagement, etag: replaced!.eTag ?? '' };
  }

  async trail(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    const top = Math.max(1, Math.floor(query.limit));
    const byTask = query.taskId ? ' AND c.taskId = @task' : '';
    const { resources } = await this.container.items
      .query<{ event: AuditEvent }>(
        {
          query: `SELECT TOP ${top} c.event FROM c WHERE c.engagementId = @id AND c.kind = 'event' AND c.seq < @before${byTask} ORDER BY c.seq DESC`,
          parameters: [
            { name: '@id', value: engagementId },
            { name: '@before', value: query.beforeSeq },
            ...(query.taskId ? [{ name: '@task', value: query.taskId }] : []),
          ],
        },
        { partitionKey: engagementId },
      )
      .fetchAll();
    return resources.map((r) => r.event);
  }

  /**
   * Ids of the engagements of a playbook on another version and not complete: a query across partitions,
   * made once per start per playbook, on indexed paths.
   */
  async outdated(playbookId: string, currentVersion: string): Promise<string[]> {
    const { resources } = await this.container.items
      .query<{ id: string }>({
        query:
          "SELECT c.id FROM c WHERE c.kind = 'engagement' AND c.playbookId = @playbook AND c.playbookVersion != @version AND NOT IS_DEFINED(c.completion)",
        parameters: [
          { name: '@playbook', value: playbookId },
          { name: '@version', value: currentVersion },
        ],
      })
      .fetchAll();
    return resources.map((r) => r.id);
  }

  /** Deletes the partition: the events first, the engagement last, so a crash part-way leaves it to delete again. */
  async deleteAll(engagementId: string): Promise<void> {
    const { resources } = await this.container.items
      .query<{ id: string }>(
        {
          query: 'SELECT c.id FROM c WHERE c.engagementId = @id',
          parameters: [{ name: '@id', value: engagementId }],
        },
        { partitionKey: engagementId },
      )
      .fetchAll();
    const ids = resources.map((r) => r.id).sort((a, b) => Number(a === engagementId) - Number(b === engagementId));
    for (let at = 0; at < ids.length; at += BATCH_LIMIT) {
      const chunk = ids.slice(at, at + BATCH_LIMIT);
      try {
        await runBatch(
          this.container,
          engagementId,
          chunk.map((id): OperationInput => ({ operationType: 'Delete', id })),
        );
      } catch {
        // Someone else deleted part of it at the same time: delete one by one, what is gone is done.
        for (const id of chunk) await this.deleteOne(engagementId, id);
      }
    }
  }

  private async deleteOne(engagementId: string, id: string): Promise<void> {
    try {
      await this.container.item(id, engagementId).delete();
    } catch (error) {
      if (statusOf(error) !== 404) throw error;
    }
  }
}
