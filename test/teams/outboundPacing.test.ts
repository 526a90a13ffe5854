import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import { OutboundQueue } from '../../src/teams/outbound/outboundQueue';
import { APP_LIMITS, SendWindows } from '../../src/teams/outbound/rateLimit';

/** The most arrivals within any `ms` of each other. */
function busiestWindow(arrivals: number[], ms: number): number {
  const sorted = [...arrivals].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last++) {
    while (sorted[last]! - sorted[first]! >= ms) first++;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe("pacing sends under Teams' limits", () => {
  it('Teams never counts more than 50 sends a second for the app, however long each send takes to build and to arrive', async () => {
    const queue = new OutboundQueue(createLogger('silent'), new Metrics());
    const arrivals: number[] = [];
    // Each send first builds its card (8 ms of CPU, so sends started together leave one after another),
    // then its call arrives at Teams 0 to 30 ms later, and is answered 0 to 30 ms after that.
    const call = async () => {
      const building = performance.now();
      while (performance.now() - building < 8);
      await sleep(Math.random() * 30);
      arrivals.push(performance.now());
      await sleep(Math.random() * 30);
    };
    const sends = 160;
    for (let i = 0; i < sends; i++) {
      queue.enqueue({ conversation: `chat-${i}`, kind: 'messages', idempotent: false, labels: {}, run: call });
    }
    await queue.idle();
    queue.close();
    expect(arrivals).toHaveLength(sends);
    expect(busiestWindow(arrivals, 1000)).toBeLessThanOrEqual(APP_LIMITS[0]!.max);
  }, 20_000);

  it('a send still in flight holds its place in the window until it is answered', () => {
    const windows = new SendWindows([{ ms: 1000, max: 2 }]);
    const first = windows.begin();
    const second = windows.begin();
    expect(windows.nextFree(100)).toBe(Infinity);
    second.done(100);
    expect(windows.nextFree(150)).toBe(1100);
    first.done(200);
    expect(windows.nextFree(1050)).toBe(1100);
    windows.begin().done(1100);
    expect(windows.nextFree(1150)).toBe(1200);
  });
});
