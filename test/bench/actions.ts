import { engagementIdFor } from '../../src/domain/engagement';
import { cardAction, TENANT } from '../fixtures/activities';
import { people, seedPlaybook } from '../fixtures/engagement';
import type { FakeConnector } from '../fixtures/fakeConnector';
import { setupInputs } from '../fixtures/setupChannel';
import { post } from './load';
import type { ChildServer } from './processes';

/** The card actions the benchmarks send: setups and task moves in channels numbered n, as Teams sends them. */
export const TASKS = seedPlaybook.workshops.flatMap((w) => w.tasks.map((t) => t.id));

export const channelOf = (n: number) => `19:bench-${n}@thread.tacv2`;

/** The clicker's zone: Teams sends it with every activity, and the bot shows times in it. */
const BENCH_TIME_ZONE = 'Europe/Paris';

/** A card action in channel `n`, as Teams would send it, clicked on the copy `replyToId` when given. */
export function action(
  connector: FakeConnector,
  n: number,
  verb: string,
  data: Record<string, string>,
  replyToId?: string,
) {
  const engagementId = engagementIdFor(TENANT, channelOf(n));
  const options = { channelId: channelOf(n), ...(replyToId && { replyToId }) };
  return {
    ...cardAction(connector.serviceUrl, people.manager, verb, { engagementId, ...data }, options),
    localTimezone: BENCH_TIME_ZONE,
  };
}

export async function setUp(bot: ChildServer, connector: FakeConnector, n: number): Promise<void> {
  const { status, text } = await post(
    `${bot.url}/api/messages`,
    action(connector, n, 'setup.submit', setupInputs(seedPlaybook)),
  );
  if (status !== 200 || !text.includes('Engagement started'))
    throw new Error(`setup ${n} failed: ${status} ${text.slice(0, 200)}`);
}

/**
 * Worker w keeps moving its own task of engagement n(w, i): complete, reopen, complete, ... so every
 * action is valid. Each (engagement, task) pair counts its own steps, across warm-up and measurement, and
 * across the actions that share `steps` (all those sent to one bot).
 */
export function taskAction(
  connector: FakeConnector,
  n: (w: number, i: number) => number,
  clickedCopy?: (channel: number, taskId: string) => string,
  steps = new Map<string, number>(),
) {
  return (w: number, i: number) => {
    const channel = n(w, i);
    const taskId = TASKS[w % TASKS.length]!;
    const key = `${channel}/${taskId}`;
    const step = steps.get(key) ?? 0;
    steps.set(key, step + 1);
    const verb = step % 2 === 0 ? 'task.complete' : 'task.reopen';
    return action(connector, channel, verb, { taskId }, clickedCopy?.(channel, taskId));
  };
}

/** The workshop card a task is on. */
export const workshopOf = (taskId: string): string =>
  seedPlaybook.workshops.find((w) => w.tasks.some((t) => t.id === taskId))?.name ?? '';
