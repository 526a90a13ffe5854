import type { CardPost } from '../../src/domain/types';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardAction, channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonData, cardsIn, texts, type Card } from '../fixtures/cardText';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

let harness: BotHarness;
let engagementId = '';
beforeEach(async () => {
  harness = await startHarness();
  await setUpChannel(harness);
  engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  harness.connector.clear();
});
afterEach(async () => {
  await harness.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
const url = () => harness.connector.serviceUrl;
const act = async (who: typeof people.manager, verb: string, data: Record<string, unknown>) =>
  (await harness.post(cardAction(url(), who, verb, data))).body as InvokeBody;
/** The line a task list shows for task `taskId`. */
const rowOf = (card: Card | undefined, taskId: string) => texts(card).find((t) => t.startsWith(`**${taskId}** · `));
const startOf = (card: Card, taskId: string) => buttonData(card, 'Start', (d) => d.taskId === taskId)!;

/** The task lists the engagement keeps, newest last, as stored. */
async function keptLists(): Promise<CardPost[]> {
  const stores = openSqliteStores(harness.dataDir);
  try {
    return (await stores.engagements.get(engagementId))!.value.posts.filter((p) => p.card.startsWith('tasks:'));
  } finally {
    await stores.close();
  }
}

/** Posts `tasks <words>` as `who` and returns the list card and the id Teams gave it. */
async function postList(who: typeof people.manager, words: string): Promise<{ card: Card; activityId: string }> {
  harness.connector.clear();
  await harness.post(channelMessage(url(), who, `tasks ${words}`.trim()));
  const card = cardsIn(harness.connector.sent.map((s) => s.body))[0]!;
  return { card, activityId: (await keptLists()).at(-1)!.activityId };
}

/** The newest content Teams was given for the posted copy `activityId`. */
const updatesOf = (activityId: string) =>
  cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT' && s.activityId === activityId).map((s) => s.body));

describe('task lists posted in the channel are kept like the engagement cards', () => {
  it('a change made from another list updates the older list in place, and it keeps its own buttons', async () => {
    const everything = await postList(people.manager, '');
    expect(rowOf(everything.card, '4079')).toContain('Not started');
    const mine = await postList(people.manager, 'mine');
    harness.connector.clear();
    const answer = await act(people.manager, 'tasks.start', startOf(mine.card, '4079'));
    expect(rowOf(answer.value as Card, '4079')).toContain('In progress');
    await harness.bot.idle();
    const updated = updatesOf(everything.activityId).at(-1);
    expect(rowOf(updated, '4079')).toContain('In progress');
    expect(buttonData(updated!, 'Complete', (d) => d.taskId === '4079')).toBeDefined();
    expect(buttonData(updated!, 'Start', (d) => d.taskId === '4079')).toBeUndefined();
  });

  it('a click on an outdated row changes nothing and answers with the current list, saying what changed', async () => {
    const everything = await postList(people.manager, '');
    const staleStart = startOf(everything.card, '4079');
    const mine = await postList(people.manager, 'mine');
    await act(people.manager, 'tasks.start', startOf(mine.card, '4079'));
    const before = await keptLists();
    const answer = await act(people.manager, 'tasks.start', staleStart);
    expect(answer.statusCode).toBe(200);
    const shown = texts(answer.value);
    expect(shown[0]).toBe('Open tasks: SME, FastTrack Manager, FastTrack Engineer');
    expect(shown[2]).toMatch(
      /^Task 4079 is in progress, so you can't start it now\. Nothing was changed\. Last change: \*\*Maria\*\* started task 4079, .+\. This is the list as it stands now\.$/,
    );
    expect(rowOf(answer.value as Card, '4079')).toContain('In progress');
    expect(await keptLists()).toEqual(before);
  });

  it('an older copy of the same list becomes a one-line pointer once three newer ones are kept', async () => {
    const first = await postList(people.sme, 'sme');
    for (let i = 0; i < 3; i++) await postList(people.manager, 'sme');
    expect(texts(updatesOf(first.activityId).at(-1))).toEqual([
      'Moved',
      'This card was posted again further down; the newest copy is the one kept up to date.',
    ]);
    expect((await keptLists()).map((p) => p.card)).toEqual(['tasks:sme', 'tasks:sme', 'tasks:sme']);
  });

  it('a customer asking for a list gets it, without buttons, and it stays without buttons as it is kept', async () => {
    const theirs = await postList(people.customer, 'sme');
    expect(texts(theirs.card)).toContain('Open tasks: SME');
    await act(people.sme, 'task.start', { engagementId, taskId: '4078' });
    await harness.bot.idle();
    const updated = updatesOf(theirs.activityId).at(-1);
    expect(rowOf(updated, '4078')).toContain('In progress');
    expect(JSON.stringify(updated)).not.toContain('Action.Execute');
  });
});
