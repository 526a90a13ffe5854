import type { Container, OperationInput, OperationResponse } from '@azure/cosmos';
import { ConflictError, NotFoundError } from '../app/versionedWrites';
import { statusOf } from './cosmosDocuments';

/** Cosmos DB runs at most this many operations in one transactional batch. */
export const BATCH_LIMIT = 100;

export class BatchFailedError extends Error {
  constructor(
    readonly status: number,
    readonly operation: number,
  ) {
    super(`a transactional batch failed: operation ${operation} answered ${status}`);
    this.name = 'BatchFailedError';
  }
}

function failureOf(results: OperationResponse[]): { status: number; at: number } | undefined {
  // The operation that failed has its own status; the others answer 424 (failed dependency).
  const at = results.findIndex((r) => r.statusCode >= 400 && r.statusCode !== 424);
  return at >= 0 ? { status: results[at]!.statusCode, at } : undefined;
}

function translated(status: number, at: number, id: string): Error {
  if (status === 412) return new ConflictError(id);
  if (status === 404) return new NotFoundError(id);
  return new BatchFailedError(status, at);
}

/**
 * Runs operations on one partition as one transaction: all of them are applied, or none. A stale etag is
 * ConflictError and a missing document NotFoundError, whether the service answers with the failed
 * operation's status or with a 207 listing each operation's.
 */
export async function runBatch(
  container: Container,
  partitionKey: string,
  operations: OperationInput[],
): Promise<OperationResponse[]> {
  let results: OperationResponse[];
  // Each operation names its partition too: the batch's own must match it, and the local server reads only these.
  const named = operations.map((operation) => ({ ...operation, partitionKey }));
  try {
    results = (await container.items.batch(named, partitionKey)).result ?? [];
  } catch (error) {
    const status = statusOf(error);
    if (status === 412 || status === 404) throw translated(status, 0, partitionKey);
    throw error;
  }
  const failure = failureOf(results);
  if (failure) throw translated(failure.status, failure.at, partitionKey);
  return results;
}
