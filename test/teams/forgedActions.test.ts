import fc from 'fast-check';
import { openSqliteStores } from '../../src/store/sqliteStores';
import type { Stores } from '../../src/app/ports';
import { ACTION_VERBS } from '../../src/teams/actions/types';
import { OTHER_TENANT } from '../../src/teams/bot';
import { cardAction, channelMessage, TENANT } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';
import { engagementIdFor } from '../../src/domain/engagement';
import { CHANNEL } from '../fixtures/activities';

jest.setTimeout(120000);

let harness: BotHarness;
let store: Stores;
const engagementId = engagementIdFor(TENANT, CHANNEL);

beforeAll(async () => {
  harness = await startHarness({ MicrosoftAppTenantId: TENANT });
  await setUpChannel(harness);
  store = openSqliteStores(harness.dataDir);
});
afterAll(async () => {
  await store.close();
  await harness.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };

const etag = async () => (await store.engagements.get(engagementId))?.etag;
/** The engagement without the record of posted cards: opening the Key Outputs card posts and records one. */
const state = async () => {
  const { posts: _posts, revision: _revision, ...rest } = (await store.engagements.get(engagementId))!.value;
  return rest;
};

const prototypeKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty');
const fieldName = fc.oneof(
  prototypeKeys,
  fc.constantFrom('engagementId', 'taskId', 'reason-2533', 'customerName', 'services', 'role-0', 'playbookId'),
  fc.string({ maxLength: 70 }),
);
const fieldValue = fc.oneof(
  fc.string({ maxLength: 50 }),
  fc.constantFrom(
    engagementId,
    'eng-00000000000000000000000000000000',
    '2533',
    '9999',
    'assess-conduct-security-workshops',
    '',
  ),
  fc.string({ minLength: 4001, maxLength: 4100 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const verb = fc.oneof(fc.constantFrom(...ACTION_VERBS), prototypeKeys, fc.string({ maxLength: 80 }));
const data = fc.oneof(
  fc.dictionary(fieldName, fieldValue, { maxKeys: 8 }),
  fc.constant(null),
  fc.string(),
  fc.array(fc.integer()),
);

/** Valid field values for the known verbs, but with one field forged. */
const sneaky = fc.record({
  verb: fc.constantFrom('task.complete', 'task.start', 'task.reopen', 'task.notApplicable', 'settings.save'),
  field: fc.constantFrom('engagementId', 'taskId'),
  value: fc.oneof(
    fc.constantFrom('eng-0', engagementIdFor(TENANT, '19:other@thread.tacv2'), '9999', ' ', 'x'.repeat(40)),
    fc.integer(),
    fc.constant(null),
  ),
});

async function send(who: typeof people.sme, v: string, d: unknown): Promise<{ status: number; body: InvokeBody }> {
  const activity = cardAction(harness.connector.serviceUrl, who, 'x', {});
  activity.value = {
    action: { type: 'Action.Execute', verb: v, data: d as Record<string, unknown> },
    trigger: 'manual',
  };
  const response = await harness.post(activity);
  return { status: response.status, body: response.body as InvokeBody };
}

function expectShortAnswer({ status, body }: { status: number; body: InvokeBody }): void {
  expect([200, 400]).toContain(status);
  const text =
    typeof body.value === 'string' ? body.value : String((body.value as { message?: unknown }).message ?? '');
  if (body.type !== 'application/vnd.microsoft.card.adaptive') {
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThan(200);
    expect(text).not.toMatch(/Error:|at .*\.ts|undefined/);
  }
}

describe('forged card actions', () => {
  it('from a customer: any verb and any data gets a clear short answer and changes nothing', async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(verb, data, async (v, d) => {
        expectShortAnswer(await send(people.customer, v, d));
      }),
      { numRuns: 80 },
    );
    expect(await state()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('from the manager: a forged engagement or task id, or a mistyped field, changes nothing', async () => {
    const before = await etag();
    await fc.assert(
      fc.asyncProperty(sneaky, async ({ verb: v, field, value }) => {
        const d = { engagementId, taskId: '2533', [field]: value };
        const result = await send(people.manager, v, d);
        expectShortAnswer(result);
        expect(result.body.type).not.toBe('application/vnd.microsoft.card.adaptive');
      }),
      { numRuns: 60 },
    );
    expect(await etag()).toBe(before);
  });

  it("names what is wrong: an unknown verb, another channel's card, an unknown task, a field that is not text", async () => {
    expect((await send(people.manager, 'task.explode', { engagementId })).body.value).toEqual({
      code: 'BadRequest',
      message: 'This card action ("task.explode") is not one I know.',
    });
    expect((await send(people.manager, '__proto__', { engagementId })).body.value).toEqual({
      code: 'BadRequest',
      message: 'This card action ("__proto__") is not one I know.',
    });
    const other = engagementIdFor(TENANT, '19:other@thread.tacv2');
    expect((await send(people.manager, 'task.complete', { engagementId: other, taskId: '2533' })).body.value).toEqual({
      code: 'BadRequest',
      message: 'This card belongs to another conversation.',
    });
    expect((await send(people.manager, 'task.complete', { engagementId, taskId: '9999' })).body.value).toBe(
      'There is no task 9999 in this engagement.',
    );
    expect((await send(people.manager, 'task.complete', { engagementId, taskId: 2533 })).body.value).toEqual({
      code: 'BadRequest',
      message: 'The card field "taskId" is not text.',
    });
    expect(
      (await send(people.manager, 'task.complete', { engagementId, taskId: '2533', note: 'n'.repeat(5000) })).body
        .value,
    ).toEqual({ code: 'BadRequest', message: 'The card field "note" is too long.' });
  });
});

const AREAS = ['AADP', 'Intune', 'Exchange'];
const answerText = fc.string({ maxLength: 40 });
const kind = fc.constantFrom('enabled', 'notPlanned');
/** Answers for the Key Outputs that must each be refused. */
const forgedAnswer = fc.oneof(
  fc.record({
    case: fc.constant("another engagement's area"),
    who: fc.constant(people.customer),
    area: fc.constantFrom('Defender for Cloud Apps', 'Exchange Online Protection', 'aadp', 'In tune', 'x'.repeat(81)),
    answer: kind,
    text: answerText,
  }),
  fc.record({
    case: fc.constant('staff posing as a contact'),
    who: fc.constantFrom(people.sme, people.manager, people.engineer, people.stranger),
    area: fc.constantFrom(...AREAS),
    answer: kind,
    text: answerText.map((t) => `${t} reason`),
  }),
  fc.record({
    case: fc.constant('an empty reason'),
    who: fc.constant(people.customer),
    area: fc.constantFrom(...AREAS),
    answer: fc.constant('notPlanned'),
    text: fc.constantFrom('', ' ', '\n\t ', '\u00a0\u2003'),
  }),
  fc.record({
    case: fc.constant('an oversized note or reason'),
    who: fc.constant(people.customer),
    area: fc.constantFrom(...AREAS),
    answer: kind,
    // Runs of spaces count once, as the bot keeps them: the text must still be over 500 characters after that.
    text: fc.string({ minLength: 501, maxLength: 3000 }).filter((t) => t.replace(/\s+/g, ' ').trim().length > 500),
  }),
  fc.record({
    case: fc.constant('an answer that is neither'),
    who: fc.constant(people.customer),
    area: fc.constantFrom(...AREAS),
    answer: fc.string({ maxLength: 20 }).filter((a) => a !== 'enabled' && a !== 'notPlanned'),
    text: answerText.map((t) => `${t} reason`),
  }),
);

describe("forged answers to the customer's Key Outputs", () => {
  it("another engagement's areas, staff posing as a contact, an empty reason, oversized text: refused, nothing stored", async () => {
    const before = await state();
    await fc.assert(
      fc.asyncProperty(forgedAnswer, async (forged) => {
        const data = { engagementId, area: forged.area, answer: forged.answer, text: forged.text };
        const result = await send(forged.who, 'outputs.answer', data);
        expectShortAnswer(result);
        expect(result.body.type).not.toBe('application/vnd.microsoft.card.adaptive');
        // The same row through the one-pass form: a short answer, or the contact's form naming the row refused.
        const row = { engagementId, 'area.0': forged.area, 'answer.0': forged.answer, 'text.0': forged.text };
        const form = await send(forged.who, 'outputs.save', row);
        if (form.body.type === 'application/vnd.microsoft.card.adaptive') {
          expect(JSON.stringify(form.body.value)).toContain('Not saved: ');
        } else expectShortAnswer(form);
      }),
      { numRuns: 120 },
    );
    const added = await send(people.sme, 'outputs.add', { engagementId, newArea: 'Staff feature' });
    expectShortAnswer(added);
    expectShortAnswer(await send(people.customer, 'outputs.add', { engagementId, newArea: 'n'.repeat(81) }));
    expectShortAnswer(await send(people.sme, 'outputs.signOff', { engagementId }));
    const tooMany = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`area.${i}`, 'AADP']));
    expectShortAnswer(await send(people.customer, 'outputs.save', { engagementId, ...tooMany }));
    expect(await state()).toEqual(before);
  });
});

describe('another tenant', () => {
  it('is refused, for a message and for a card action, and nothing changes', async () => {
    const before = await etag();
    const message = channelMessage(harness.connector.serviceUrl, people.manager, 'status');
    message.conversation = { ...message.conversation, tenantId: 'tenant-evil' };
    message.channelData = { ...message.channelData, tenant: { id: 'tenant-evil' } };
    harness.connector.clear();
    await harness.post(message);
    expect(harness.connector.sent.map((s) => s.body.text)).toEqual([OTHER_TENANT]);
    const action = cardAction(
      harness.connector.serviceUrl,
      people.manager,
      'task.complete',
      { engagementId, taskId: '2533' },
      { tenantId: 'tenant-evil' },
    );
    const response = await harness.post(action);
    expect(response.status).toBe(403);
    expect(await etag()).toBe(before);
  });

  it('an activity whose conversation and channel data name different tenants is refused before any turn', async () => {
    const before = await etag();
    const message = channelMessage(harness.connector.serviceUrl, people.manager, 'status');
    message.conversation = { ...message.conversation, tenantId: 'tenant-evil' };
    harness.connector.clear();
    const response = await harness.post(message);
    expect(response).toEqual({ status: 403, body: { error: 'The activity names two different tenants.' } });
    expect(harness.connector.sent).toEqual([]);
    expect(await etag()).toBe(before);
  });
});

describe('the 1:1 verbs', () => {
  const rowVerbs = ['digest.start', 'digest.complete', 'digest.snooze', 'tasks.start', 'tasks.complete'];
  const answerTo = async (verb: string, id: string) => {
    const action = cardAction(
      harness.connector.serviceUrl,
      people.stranger,
      verb,
      { engagementId: id, taskId: '1', days: '1', list: 'mine' },
      { personal: true },
    );
    const { body } = await harness.post(action);
    return body;
  };

  it.each(rowVerbs)('%s tells a stranger nothing about which engagements exist', async (verb) => {
    const before = await etag();
    const existing = await answerTo(verb, engagementId);
    const missing = await answerTo(verb, engagementIdFor(TENANT, '19:nowhere@thread.tacv2'));
    expect(existing).toEqual(missing);
    expect(JSON.stringify(existing)).not.toMatch(/task 1|Contoso/);
    expect(await etag()).toBe(before);
  });
});
