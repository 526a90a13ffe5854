/**
 * Every container the bot uses, with its partition key. deploy/main.bicep declares the same list: in
 * Azure the bot's identity can read and write documents but not create containers.
 */
export const COSMOS_CONTAINERS = {
  engagements: '/id',
  /** Events moved off engagement documents, one partition per engagement. */
  audit: '/engagementId',
  people: '/id',
  sends: '/id',
} as const;

export type ContainerName = keyof typeof COSMOS_CONTAINERS;
