import { cardAction } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { cardsIn, taskButtons, texts, type Card } from '../fixtures/cardText';
import { people, seedPlaybook, T0 } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

let harness: BotHarness;
let posted: Card[];
let engagementId: string;
beforeAll(async () => {
  harness = await startHarness({}, { now: () => T0 });
  await setUpChannel(harness);
  posted = cardsIn(harness.connector.sent.map((s) => s.body));
  engagementId = JSON.stringify(posted).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
});
afterAll(async () => {
  await harness.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
const DEVICE = 'workshop:Device Security';
const deviceTasks = seedPlaybook.workshops.find((w) => w.name === 'Device Security')!.tasks;

async function refresh(who: (typeof people)[keyof typeof people], card: string, timeZone?: string) {
  const activity = { ...cardAction(harness.connector.serviceUrl, who, 'card.refresh', { engagementId, card }) };
  if (timeZone) Object.assign(activity, { localTimezone: timeZone });
  return (await harness.post(activity)).body as InvokeBody;
}

describe('Universal Actions refresh', () => {
  it('every posted engagement card asks Teams to refresh it for the role owners and customer contacts', () => {
    const withRefresh = posted.filter((c) => c.refresh);
    expect(withRefresh.map((c) => texts(c)[1])).toEqual([
      'Key Inputs',
      'Identity Security',
      'Device Security',
      'Information Security',
      'Contoso',
    ]);
    for (const card of withRefresh) {
      const { action, userIds } = card.refresh as {
        action: { verb: string; data: { card: string } };
        userIds: string[];
      };
      expect(action.verb).toBe('card.refresh');
      expect(userIds.sort()).toEqual([people.customer.id, people.engineer.id, people.manager.id, people.sme.id].sort());
    }
  });

  it.each([
    ['the FastTrack Manager', people.manager, deviceTasks.map((t) => t.id)],
    ['the SME', people.sme, deviceTasks.filter((t) => t.role === 'SME').map((t) => t.id)],
    ['a customer contact', people.customer, []],
    ['someone else in the channel', people.stranger, []],
  ])('%s gets their own copy, with buttons only on the tasks they may change', async (_who, person, expected) => {
    const answer = await refresh(person, DEVICE);
    expect(answer.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = answer.value as Card;
    const withButtons = deviceTasks.map((t) => t.id).filter((id) => taskButtons(card, id).length > 0);
    expect(withButtons.sort()).toEqual([...expected].sort());
  });

  it("shows times in the reader's time zone", async () => {
    const harnessAction = cardAction(harness.connector.serviceUrl, people.sme, 'task.start', {
      engagementId,
      taskId: '4084',
    });
    await harness.post(harnessAction);
    const card = (await refresh(people.sme, DEVICE, 'Europe/Paris')).value as Card;
    expect(texts(card).some((t) => t.endsWith('Sam, 2 Nov 2026, 10:00 (Europe/Paris)'))).toBe(true);
  });

  it('refuses a card that is not one of this engagement', async () => {
    const answer = await refresh(people.manager, 'workshop:Kitchen Security');
    expect(answer).toMatchObject({ statusCode: 400, value: { message: 'This card is not one of this engagement.' } });
  });
});
