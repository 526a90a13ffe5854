import {
  cancelDeletion,
  consumeDeletion,
  DELETION_NOT_OPEN,
  DELETION_REQUEST_MS,
  requestDeletion,
} from '../../src/domain/deletion';
import { ForbiddenActorError, StateError } from '../../src/domain/errors';
import type { Engagement } from '../../src/domain/types';
import { anEngagement, people, person, T0 } from '../fixtures/engagement';

const secondManager = person('Mona');
const base = anEngagement({
  roles: [
    { role: 'SME', people: [people.sme] },
    { role: 'FastTrack Manager', people: [people.manager, secondManager] },
  ],
});
const later = (ms: number) => new Date(T0.getTime() + ms);
const requested = requestDeletion(base, people.manager, 'request-1', T0);

describe('a deletion request', () => {
  it('is recorded for the manager who asked, with when it expires, as an event', () => {
    expect(requested.deletionRequest).toEqual({
      id: 'request-1',
      by: people.manager,
      at: T0.toISOString(),
      expiresAt: later(DELETION_REQUEST_MS).toISOString(),
    });
    expect(requested.audit.at(-1)).toMatchObject({ action: 'deletionRequested', actor: people.manager });
  });

  it('is asked for only by a FastTrack Manager', () => {
    expect(() => requestDeletion(base, people.sme, 'r', T0)).toThrow(ForbiddenActorError);
  });

  const refusals: [string, () => Engagement][] = [
    ['never asked for', () => consumeDeletion(base, 'request-1', people.manager, T0)],
    ['with another id', () => consumeDeletion(requested, 'request-2', people.manager, T0)],
    ['by another manager', () => consumeDeletion(requested, 'request-1', secondManager, T0)],
    ['after 15 minutes', () => consumeDeletion(requested, 'request-1', people.manager, later(DELETION_REQUEST_MS))],
    [
      'after it was cancelled',
      () =>
        consumeDeletion(cancelDeletion(requested, 'request-1', people.manager, T0), 'request-1', people.manager, T0),
    ],
    [
      'a second time',
      () =>
        consumeDeletion(consumeDeletion(requested, 'request-1', people.manager, T0), 'request-1', people.manager, T0),
    ],
    [
      'once replaced by a newer one',
      () =>
        consumeDeletion(requestDeletion(requested, people.manager, 'request-2', T0), 'request-1', people.manager, T0),
    ],
  ];
  it.each(refusals)('cannot be confirmed %s', (_what, confirm) => {
    expect(confirm).toThrow(new StateError(DELETION_NOT_OPEN));
  });

  it('is used up by its confirmation, within its time, by the manager who asked', () => {
    const used = consumeDeletion(requested, 'request-1', people.manager, later(DELETION_REQUEST_MS - 1));
    expect(used.deletionRequest).toBeUndefined();
  });

  it('is cancelled by "Keep it", which the trail records', () => {
    const kept = cancelDeletion(requested, 'request-1', people.manager, T0);
    expect(kept.deletionRequest).toBeUndefined();
    expect(kept.audit.at(-1)).toMatchObject({ action: 'deletionCancelled', actor: people.manager, after: 'kept' });
    expect(() => cancelDeletion(kept, 'request-1', people.manager, T0)).toThrow(StateError);
  });
});
