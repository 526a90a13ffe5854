import type { Container } from '@azure/cosmos';
import { statusOf } from './cosmosDocuments';

export interface MemberDocument {
  /** The engagement's id: a person holds one entry per engagement. */
  id: string;
  personKey: string;
  engagementId: string;
}

export const memberDocument = (engagementId: string, personKey: string): MemberDocument => ({
  id: engagementId,
  personKey,
  engagementId,
});

export interface MemberEntry {
  engagementId: string;
  /** When the entry was last written (ms since the epoch, from the server's _ts). */
  writtenAt: number;
}

/**
 * Who holds a role where, in the `members` container partitioned by person key: a person's engagements are
 * one single-partition query, whatever the size of the tenant. An entry can outlive its role for a
 * moment (it is written before the engagement and removed after it); readers check the engagement.
 */
export class CosmosMembers {
  constructor(readonly container: Container) {}

  async add(engagementId: string, keys: Iterable<string>): Promise<void> {
    await Promise.all(
      [...keys].map((personKey) => this.container.items.upsert(memberDocument(engagementId, personKey))),
    );
  }

  async remove(engagementId: string, keys: Iterable<string>): Promise<void> {
    await Promise.all(
      [...keys].map(async (personKey) => {
        try {
          await this.container.item(engagementId, personKey).delete();
        } catch (error) {
          if (statusOf(error) !== 404) throw error;
        }
      }),
    );
  }

  async of(personKey: string): Promise<MemberEntry[]> {
    const { resources } = await this.container.items
      .query<{ engagementId: string; _ts: number }>(
        {
          query: 'SELECT c.engagementId, c._ts FROM c WHERE c.personKey = @key',
          parameters: [{ name: '@key', value: personKey }],
        },
        { partitionKey: personKey },
      )
      .fetchAll();
    return resources.map((r) => ({ engagementId: r.engagementId, writtenAt: r._ts * 1000 }));
  }
}
