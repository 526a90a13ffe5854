import type { Container, Database, ItemDefinition } from '@azure/cosmos';
import { AlreadyExistsError } from '../app/versionedWrites';
import type { AuditEvent, Engagement } from '../domain/types';
import { LEGACY_CONTAINERS } from './cosmosContainers';
import { statusOf, withoutSystemProperties } from './cosmosDocuments';
import { eventDocument, type CosmosEngagementData } from './cosmosEngagementData';
import type { CosmosMembers } from './cosmosMembers';

/** Written once the copy is complete, in a partition of its own, so later starts skip it with one read. */
const MARKER = { id: 'layout-2', engagementId: '_layout' };

export interface MigrationReport {
  engagements: number;
  events: number;
}

async function legacyContainer(database: Database, id: keyof typeof LEGACY_CONTAINERS): Promise<Container | undefined> {
  const container = database.container(id);
  try {
    await container.read();
    return container;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

async function eachPage<T>(container: Container, visit: (items: T[]) => Promise<void>): Promise<void> {
  const pages = container.items.query<ItemDefinition>('SELECT * FROM c', { maxItemCount: 100 }).getAsyncIterator();
  for await (const page of pages) await visit(page.resources.map((r) => withoutSystemProperties<T>(r)));
}

/**
 * Copies the first layout (engagements partitioned by id, their trails in `audit`) into engagementData and
 * members, once, before the bot serves. Every step can run again: an engagement already in the new
 * container is newer there and is kept, and events have deterministic ids. The old containers are left for
 * the operator to delete (deploy/README.md).
 */
export async function migrateLegacyLayout(
  database: Database,
  data: CosmosEngagementData,
  members: CosmosMembers,
): Promise<MigrationReport | undefined> {
  const marker = await data.container.item(MARKER.id, MARKER.engagementId).read();
  if (marker.statusCode !== 404 && marker.resource) return undefined;
  const report = { engagements: 0, events: 0 };
  const engagements = await legacyContainer(database, 'engagements');
  if (engagements) {
    await eachPage<Engagement>(engagements, async (page) => {
      for (const engagement of page) {
        await members.add(engagement.id, engagement.memberKeys ?? []);
        await data.create(engagement).catch((error: unknown) => {
          if (!(error instanceof AlreadyExistsError)) throw error;
        });
        report.engagements++;
      }
    });
  }
  const audit = await legacyContainer(database, 'audit');
  if (audit) {
    await eachPage<{ engagementId: string; event: AuditEvent }>(audit, async (page) => {
      for (const { engagementId, event } of page) {
        await data.container.items.upsert(eventDocument(engagementId, event));
        report.events++;
      }
    });
  }
  await data.container.items.upsert({ ...MARKER, kind: 'marker', at: new Date().toISOString() });
  return report;
}
