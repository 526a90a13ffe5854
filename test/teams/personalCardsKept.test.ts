import { personKey } from '../../src/domain/people';
import type { PersonalCard } from '../../src/domain/reminderRecords';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardAction, personalMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonData, cardsIn, taskButtons, texts, type Card } from '../fixtures/cardText';
import { testClock } from '../fixtures/clock';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

jest.setTimeout(60_000);

const clock = testClock('2026-11-30T08:00:00Z');
let harness: BotHarness;
let engagementId = '';
beforeEach(async () => {
  clock.set('2026-11-30T08:00:00Z');
  harness = await startHarness({ REMINDER_SWEEP_SECONDS: '3600' }, { now: clock.now });
  await setUpChannel(harness);
  engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  harness.connector.clear();
});
afterEach(async () => {
  await harness.stop();
});

type Person = typeof people.manager;
type InvokeBody = { statusCode: number; type: string; value: unknown };
const url = () => harness.connector.serviceUrl;
const rowOf = (card: Card | undefined, taskId: string) => texts(card).find((t) => t.startsWith(`**${taskId}** · `));
const updatesOf = (activityId: string) =>
  cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT' && s.activityId === activityId).map((s) => s.body));

/** The cards in the person's 1:1 chat that the bot keeps current, as stored. */
async function keptCards(person: Person): Promise<PersonalCard[]> {
  const stores = openSqliteStores(harness.dataDir);
  try {
    return (await stores.reminders.getPerson(personKey(person)))?.value.cards ?? [];
  } finally {
    await stores.close();
  }
}

async function myTasks(person: Person): Promise<{ card: Card; activityId: string }> {
  harness.connector.clear();
  await harness.post(personalMessage(url(), person, 'my tasks'));
  const card = cardsIn(harness.connector.sent.map((s) => s.body))[0]!;
  return { card, activityId: (await keptCards(person)).filter((c) => c.card === 'myTasks').at(-1)!.activityId };
}

const act = async (who: Person, verb: string, data: Record<string, unknown>, personal = false) =>
  (await harness.post(cardAction(url(), who, verb, data, { personal }))).body as InvokeBody;

describe('"my tasks" and digests in the 1:1 chat are kept current', () => {
  it('a task started from its workshop card shows as started, with Complete only, in the "my tasks" posted before', async () => {
    const list = await myTasks(people.engineer);
    expect(taskButtons(list.card, '3747')).toEqual(['Start', 'Complete']);
    await act(people.engineer, 'task.start', { engagementId, taskId: '3747' });
    await harness.bot.idle();
    const updated = updatesOf(list.activityId).at(-1);
    expect(rowOf(updated, '3747')).toContain('In progress');
    expect(taskButtons(updated!, '3747')).toEqual(['Complete']);
  });

  it('after a task is completed from the digest, the "my tasks" posted before no longer offers it', async () => {
    const list = await myTasks(people.manager);
    expect(rowOf(list.card, '4079')).toBeDefined();
    clock.set('2026-11-30T09:00:00Z');
    await harness.bot.sweepReminders();
    const digests = cardsIn(harness.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body));
    const digest = digests.find((c) => texts(c)[0]?.startsWith('Your week ahead') && rowOf(c, '4079'))!;
    expect((await keptCards(people.manager)).map((c) => c.card)).toEqual(['myTasks', 'digest']);
    const complete = buttonData(digest, 'Complete', (d) => d.taskId === '4079')!;
    const answer = await act(people.manager, 'digest.complete', complete, true);
    expect(rowOf(answer.value as Card, '4079')).toBeUndefined();
    await harness.bot.idle();
    expect(rowOf(updatesOf(list.activityId).at(-1), '4079')).toBeUndefined();
    const kept = (await keptCards(people.manager)).find((c) => c.card === 'digest')!;
    expect(texts(updatesOf(kept.activityId).at(-1)).join('\n')).not.toContain('**4079**');
  });

  it('a Start on an outdated "my tasks" row changes nothing and answers with the current list, saying why', async () => {
    const list = await myTasks(people.engineer);
    const staleStart = buttonData(list.card, 'Start', (d) => d.taskId === '3747')!;
    await act(people.engineer, 'task.start', { engagementId, taskId: '3747' });
    const answer = await act(people.engineer, 'tasks.start', staleStart, true);
    expect(answer.statusCode).toBe(200);
    expect(texts(answer.value)[2]).toMatch(
      /^Task 3747 is in progress, so you can't start it now\. Nothing was changed\. Last change: \*\*Erin\*\* started task 3747/,
    );
    expect(taskButtons(answer.value as Card, '3747')).toEqual(['Complete']);
  });

  it('an older "my tasks" becomes a pointer once three newer ones are kept, and is no longer updated', async () => {
    const first = await myTasks(people.engineer);
    for (let i = 0; i < 3; i++) await myTasks(people.engineer);
    await harness.bot.idle();
    expect(texts(updatesOf(first.activityId).at(-1))[0]).toBe('Moved');
    expect((await keptCards(people.engineer)).map((c) => c.activityId)).not.toContain(first.activityId);
    harness.connector.clear();
    await act(people.engineer, 'task.start', { engagementId, taskId: '3747' });
    await harness.bot.idle();
    expect(updatesOf(first.activityId)).toEqual([]);
  });
});
