import type { Claim } from '../domain/digestPass';
import { sendRecordId, type SendRecord } from '../domain/reminderRecords';
import type { ReminderStore } from './reminderPorts';
import { AlreadyExistsError, ConflictError, type Versioned } from './versionedWrites';

export type Claimed = { kind: 'claimed'; record: Versioned<SendRecord> } | Exclude<Claim, { kind: 'claim' }>;

/**
 * Claims a send in the person's record for that day with a conditional write: exactly one bot instance
 * wins. `decide` is the domain's rule (claimScheduled, claimReminder); losing the write race is 'taken'.
 */
export async function claimSend(
  store: ReminderStore,
  personKey: string,
  date: string,
  decide: (record: SendRecord) => Claim,
): Promise<Claimed> {
  const id = sendRecordId(personKey, date);
  const current = await store.getSends(id);
  const decision = decide(current?.value ?? { id, personKey, date, reminders: {} });
  if (decision.kind !== 'claim') return decision;
  try {
    const record = current
      ? await store.replaceSends(decision.sends, current.etag)
      : await store.createSends(decision.sends);
    return { kind: 'claimed', record };
  } catch (error) {
    if (error instanceof ConflictError || error instanceof AlreadyExistsError) return { kind: 'taken' };
    throw error;
  }
}

/** Records how a claimed send ended; re-reads on a conflict (another engagement's reminder the same day). */
export async function settleSend(
  store: ReminderStore,
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
