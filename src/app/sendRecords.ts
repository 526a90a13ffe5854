import { type Store } from './ports';
import { AlreadyExistsError, ConflictError, type Versioned } from './versionedWrites';
import { sendRecordId, type SendMark, type SendRecord } from './reminderPorts';

export type Claim = { kind: 'claimed'; record: Versioned<SendRecord> } | { kind: 'taken' } | { kind: 'done' };

/** A settled send, or a claim younger than the lease (an older one belongs to a process that died sending). */
export const isLive = (mark: SendMark | undefined, now: Date, leaseMs: number): boolean =>
  mark !== undefined && (mark.status !== 'claimed' || now.getTime() - Date.parse(mark.at) < leaseMs);

/** A reminder that went out, or is going out: a failed one does not stop another try. */
export const wasReminded = (mark: SendMark | undefined, now: Date, leaseMs: number): boolean =>
  mark !== undefined && mark.status !== 'failed' && isLive(mark, now, leaseMs);

/**
 * Claims a send in the person's record for that day with a conditional write: exactly one bot instance
 * wins; `mark` reads the current mark and returns the claimed record, or 'taken'/'done' when it may not.
 */
export async function claimSend(
  store: Store,
  personKey: string,
  date: string,
  claim: (record: SendRecord) => SendRecord | 'taken' | 'done',
): Promise<Claim> {
  const id = sendRecordId(personKey, date);
  const current = await store.getSends(id);
  const base: SendRecord = current?.value ?? { id, personKey, date, reminders: {} };
  const next = claim(base);
  if (next === 'taken' || next === 'done') return { kind: next };
  try {
    const record = current ? await store.replaceSends(next, current.etag) : await store.createSends(next);
    return { kind: 'claimed', record };
  } catch (error) {
    if (error instanceof ConflictError || error instanceof AlreadyExistsError) return { kind: 'taken' };
    throw error;
  }
}

/** Records how a claimed send ended; re-reads on a conflict (another engagement's reminder the same day). */
export async function settleSend(
  store: Store,
  claimed: Versioned<SendRecord>,
  settle: (record: SendRecord) => SendRecord,
): Promise<void> {
  let current: Versioned<SendRecord> | undefined = claimed;
  for (let attempt = 0; current && attempt < 20; attempt++) {
    try {
      await store.replaceSends(settle(current.value), current.etag);
      return;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      current = await store.getSends(claimed.value.id);
    }
  }
}
