import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import type { TrailQuery } from '../app/ports';
import type { AuditEvent } from '../domain/types';
import { COSMOS_CONTAINERS } from './cosmosContainers';
import { statusOf } from './cosmosDocuments';

interface TrailDocument {
  id: string;
  engagementId: string;
  seq: number;
  taskId?: string;
  event: AuditEvent;
}

/**
 * The events engagement documents no longer hold, one document each in the engagement's own partition of
 * the `audit` container. Each has a deterministic id, so writing it twice (a retry after a conflict, or a
 * crash before the engagement was replaced) leaves one copy; readers ask only for events numbered below
 * the oldest one still on the engagement, so an event in both places is read once.
 */
export class CosmosTrail {
  private constructor(private readonly container: Container) {}

  static async open(database: Database): Promise<CosmosTrail> {
    const { container } = await database.containers.createIfNotExists({
      id: 'audit',
      partitionKey: { paths: [COSMOS_CONTAINERS.audit] },
    });
    return new CosmosTrail(container);
  }

  async keep(engagementId: string, events: AuditEvent[]): Promise<void> {
    for (const event of events) {
      const doc: TrailDocument = {
        id: `${engagementId}.${event.seq}`,
        engagementId,
        seq: event.seq ?? 0,
        ...(event.taskId && { taskId: event.taskId }),
        event,
      };
      await this.container.items.upsert(doc);
    }
  }

  async read(engagementId: string, query: TrailQuery): Promise<AuditEvent[]> {
    const top = Math.max(1, Math.floor(query.limit));
    const byTask = query.taskId ? ' AND c.taskId = @task' : '';
    const { resources } = await this.container.items
      .query<TrailDocument>(
        {
          query: `SELECT TOP ${top} * FROM c WHERE c.engagementId = @id AND c.seq < @before${byTask} ORDER BY c.seq DESC`,
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

  async deleteAll(engagementId: string): Promise<void> {
    const { resources } = await this.container.items
      .query<ItemDefinition>(
        { query: 'SELECT c.id FROM c WHERE c.engagementId = @id', parameters: [{ name: '@id', value: engagementId }] },
        { partitionKey: engagementId },
      )
      .fetchAll();
    for (const { id } of resources) {
      if (!id) continue;
      try {
        await this.container.item(id, engagementId).delete();
      } catch (error) {
        if (statusOf(error) !== 404) throw error;
      }
    }
  }
}
