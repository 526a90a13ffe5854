import { OUTPUT_LIMITS, outputAreas } from '../../src/domain/outputs';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardAction, channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts } from '../fixtures/cardText';
import { people, T0 } from '../fixtures/engagement';
import { hostile } from '../fixtures/hostileEngagement';
import { setUpChannel } from '../fixtures/setupChannel';

jest.setTimeout(60_000);

let harness: BotHarness;
let engagementId = '';
beforeAll(async () => {
  harness = await startHarness({}, { now: () => T0 });
  await setUpChannel(harness, { customerName: hostile(200) });
  engagementId = /"engagementId":"(eng-[0-9a-f]+)"/.exec(JSON.stringify(harness.connector.sent))?.[1] ?? '';
  await harness.bot.idle();
});
afterAll(async () => harness.stop());

const url = () => harness.connector.serviceUrl;
const act = (who: (typeof people)[keyof typeof people], verb: string, data: Record<string, string> = {}) =>
  harness.post(cardAction(url(), who, verb, { engagementId, ...data }));
/** Every activity the bot sent in answer to a command: what a person in the channel sees. */
async function say(text: string) {
  await harness.bot.idle();
  harness.connector.clear();
  await harness.post(channelMessage(url(), people.manager, text));
  return harness.connector.sent.filter((s) => s.method === 'POST');
}
const LINK = '[Verify your account](https://evil.example/login)';

describe('what a customer types, on the cards the FastTrack channel sees', () => {
  it('a feature written as a link shows as text on the Key Outputs card, the summary and in history', async () => {
    await act(people.customer, 'outputs.add', { newArea: LINK });
    await act(people.customer, 'outputs.answer', { area: LINK, answer: 'notPlanned', text: '**IMPORTANT**\n- do it' });
    const shown = [
      ...texts(cardsIn((await say('outputs')).map((s) => s.body))),
      ...texts(cardsIn((await say('status')).map((s) => s.body))),
      ...texts(cardsIn((await say('history')).map((s) => s.body))),
    ].join('\n');
    expect(shown).toContain('\\[Verify your account\\](https:\u2060//evil\u2060.example/login)');
    expect(shown).not.toContain(LINK);
    expect(shown).not.toMatch(/(^|[^\\])\*\*IMPORTANT/);
  });

  it('every field at its limit keeps status, history and the Key Outputs within 36 KB, each a working card', async () => {
    for (let i = 0; i < OUTPUT_LIMITS.addedAreas - 1; i++) {
      await act(people.customer, 'outputs.add', { newArea: `${i}${hostile(OUTPUT_LIMITS.area - 1, i)}` });
    }
    const store = openSqliteStores(harness.dataDir);
    const areas = outputAreas((await store.engagements.get(engagementId))!.value);
    await store.close();
    for (const [i, area] of areas.entries()) {
      const answer =
        i % 2 ? { answer: 'notPlanned', text: hostile(500, i) } : { answer: 'enabled', text: hostile(500, i) };
      await act(people.customer, 'outputs.answer', { area, ...answer });
    }
    await act(people.customer, 'outputs.signOff');
    for (const command of ['status', 'history', 'outputs', 'tasks', 'workshops']) {
      const sent = await say(command);
      expect(sent.length).toBeGreaterThan(0);
      for (const activity of sent) {
        expect(cardsIn([activity.body])).toHaveLength(1);
        expect(Buffer.byteLength(JSON.stringify(activity.body))).toBeLessThanOrEqual(36 * 1024);
      }
    }
    expect(texts(cardsIn((await say('status')).map((s) => s.body))).join('\n')).toContain('Signed off by Chris');
  });
});
