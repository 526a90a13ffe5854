import type { IndexingPolicy } from '@azure/cosmos';

export interface ContainerSpec {
  partitionKey: string;
  /** The only paths indexed: those a query filters or sorts on. Point reads need no index. */
  indexed: readonly string[];
}

/**
 * Every container the bot uses, with its partition key and what it indexes. deploy/main.bicep declares the
 * same list: in Azure the bot's identity can read and write documents but not create containers.
 */
export const COSMOS_CONTAINERS = {
  /**
   * An engagement and its whole trail in one partition, so a change and the events it moves are one
   * transactional batch. The trail is read by kind, number and task.
   */
  engagementData: {
    partitionKey: '/engagementId',
    indexed: ['/kind/?', '/seq/?', '/taskId/?', '/playbookId/?', '/playbookVersion/?'],
  },
  /** Who holds a role where, one partition per person: "my engagements" reads one partition. */
  members: { partitionKey: '/personKey', indexed: ['/personKey/?'] },
  /** One document per person; the sweep asks for those whose next digest is due. */
  people: { partitionKey: '/id', indexed: ['/nextDigestAt/?'] },
  /** What was sent to whom on which day: point reads only. */
  sends: { partitionKey: '/id', indexed: [] },
  /** Every playbook version the bot has loaded, read whole at start. */
  playbookVersions: { partitionKey: '/playbookId', indexed: [] },
} as const satisfies Record<string, ContainerSpec>;

export type ContainerName = keyof typeof COSMOS_CONTAINERS;

/**
 * Containers of the first layout, partitioned by id, which the bot copies into the ones above once
 * (cosmosMigration.ts) and then no longer reads or writes.
 */
export const LEGACY_CONTAINERS = { engagements: '/id', audit: '/engagementId' } as const;

export function indexingPolicyOf(spec: ContainerSpec): IndexingPolicy {
  return {
    indexingMode: 'consistent',
    automatic: true,
    includedPaths: spec.indexed.map((path) => ({ path })),
    excludedPaths: [{ path: '/*' }],
  };
}
