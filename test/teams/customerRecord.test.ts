import { openSqliteStores } from '../../src/store/sqliteStores';
import { HISTORY_SHOWN } from '../../src/teams/views/history';
import { cardAction, channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonData, buttonsOf, cardsIn, texts, type Card } from '../fixtures/cardText';
import { people, seedPlaybook, T0 } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

let harness: BotHarness;
let engagementId = '';
beforeEach(async () => {
  harness = await startHarness({}, { logs: true, now: () => T0 });
  await setUpChannel(harness, { services: ['AADP', 'Intune'] });
  const posted = cardsIn(harness.connector.sent.map((s) => s.body));
  engagementId = JSON.stringify(posted).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  await harness.bot.idle();
  harness.connector.clear();
});
afterEach(async () => {
  await harness.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
const url = () => harness.connector.serviceUrl;
const act = async (who: (typeof people)[keyof typeof people], verb: string, data: Record<string, string> = {}) =>
  (await harness.post(cardAction(url(), who, verb, { engagementId, ...data }))).body as InvokeBody;
/** What the bot posted in answer: card updates still in flight from earlier clicks are left out. */
const say = async (who: (typeof people)[keyof typeof people], text: string) => {
  await harness.bot.idle();
  harness.connector.clear();
  await harness.post(channelMessage(url(), who, text));
  return harness.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body);
};
const answerText = (body: InvokeBody) => (typeof body.value === 'string' ? body.value : texts(body.value).join('\n'));
/** The newest copy of each posted card the bot updated, by its heading. */
async function updatedCards(): Promise<Map<string, Card>> {
  await harness.bot.idle();
  const puts = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body));
  return new Map(puts.map((card) => [texts(card)[1] ?? '', card]));
}
const answer = (who: (typeof people)[keyof typeof people], area: string, kind: string, text = '', date = '') =>
  act(who, 'outputs.answer', { area, answer: kind, text, date });

describe('Key Inputs', () => {
  it('the workshop card offers the Key Inputs card beside its notice, and a click posts it below', async () => {
    const device = cardsIn(await say(people.customer, 'workshops'))[1]!;
    expect(JSON.stringify(device)).toContain('"verb":"inputs.open"');
    harness.connector.clear();
    const answer = await act(people.customer, 'inputs.open', { card: 'workshop:Device Security' });
    expect(texts(answer.value)).toContain('Device Security');
    const posted = cardsIn(harness.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body));
    expect(posted).toHaveLength(1);
    expect(texts(posted[0]).slice(1, 3)).toEqual([
      'Key Inputs',
      'What the workshops need before they start. FastTrack staff of this engagement confirm each one.',
    ]);
    const forged = await act(people.customer, 'inputs.open', { card: 'workshop:Nowhere' });
    expect(forged).toMatchObject({ statusCode: 400, value: { message: 'This card is not one of this engagement.' } });
  });

  it('staff confirm each one; until then the workshop cards say so plainly', async () => {
    const status = await say(people.manager, 'workshops');
    expect(texts(cardsIn(status)[0]).join('\n')).toContain('2 Key Inputs not confirmed yet.');
    expect(answerText(await act(people.customer, 'inputs.confirm', { input: '0' }))).toBe(
      'Only FastTrack staff of this engagement can do that here. Nothing was changed.',
    );
    const first = await act(people.sme, 'inputs.confirm', { input: '0' });
    expect(answerText(first)).toMatch(/Confirmed by Sam/);
    expect(answerText(await act(people.engineer, 'inputs.confirm', { input: '0' }))).toBe(
      '"M365 Security Conversation completed" was already confirmed by Sam. Nothing was changed.',
    );
    await act(people.engineer, 'inputs.confirm', { input: '1' });
    const cards = await updatedCards();
    expect(texts(cards.get('Identity Security')).join('\n')).not.toContain('Key Inputs not confirmed');
    expect(texts(cards.get('Contoso'))).toContain('all confirmed');
  });

  it('a FastTrack Manager can go ahead without them, only with a reason, which is recorded', async () => {
    expect(answerText(await act(people.manager, 'inputs.override', { overrideReason: '   ' }))).toBe(
      'Please check the reason: it is required to proceed without confirmed Key Inputs.',
    );
    expect(answerText(await act(people.sme, 'inputs.override', { overrideReason: 'Because' }))).toBe(
      'Only FastTrack Manager can do that here. Nothing was changed.',
    );
    const done = await act(people.manager, 'inputs.override', { overrideReason: 'Confirmed by phone with the CISO' });
    expect(answerText(done)).toContain('Maria chose to go ahead without them');
    const cards = await updatedCards();
    expect(texts(cards.get('Device Security'))).toContain(
      'Going ahead without confirmed Key Inputs (Maria: "Confirmed by phone with the CISO").',
    );
    const history = texts(cardsIn(await say(people.sme, 'history'))[0]).join('\n');
    expect(history).toContain('**Maria** went ahead without the Key Inputs');
    expect(history).toContain('Reason: Confirmed by phone with the CISO');
  });
});

describe('Key Outputs, answered and signed off by the customer', () => {
  it('lists one area per service in scope, and only customer contacts may answer', async () => {
    const card = cardsIn(await say(people.sme, 'outputs'))[0]!;
    expect(texts(card)).toEqual(
      expect.arrayContaining(['**AADP** · ○ Not answered yet', '**Intune** · ○ Not answered yet']),
    );
    expect(answerText(await answer(people.manager, 'AADP', 'enabled'))).toBe(
      "Only the customer's contacts for this engagement can do that here. Nothing was changed.",
    );
    expect(answerText(await answer(people.customer, 'AADP', 'notPlanned', ' \n '))).toBe(
      'Please check the reason: it is required for an area the customer does not plan to enable.',
    );
    expect(answerText(await answer(people.customer, 'Exchange', 'enabled'))).toBe(
      'Please check the area: it names "Exchange", which is not one of this engagement\'s areas.',
    );
    const answered = await answer(people.customer, 'AADP', 'notPlanned', 'No Azure AD P2 licences this year');
    expect(answerText(answered)).toContain('**AADP** · ✖ Not planned');
    expect(answerText(await act(people.customer, 'outputs.signOff'))).toBe(
      'Sign-off needs an answer for every area; still unanswered: Intune. Nothing was changed.',
    );
  });

  it('sign-off puts the outputs on the summary, with the areas not planned and why', async () => {
    await say(people.manager, 'outputs');
    await act(people.customer, 'outputs.add', { newArea: 'Defender for Cloud Apps' });
    await answer(people.customer, 'AADP', 'notPlanned', 'No Azure AD P2 licences this year');
    await answer(people.customer, 'Intune', 'enabled', 'All laptops enrolled', '2026-11-20');
    await answer(people.customer, 'Defender for Cloud Apps', 'enabled');
    const signed = await act(people.customer, 'outputs.signOff');
    expect(answerText(signed)).toContain('Signed off by Chris');
    const summary = texts((await updatedCards()).get('Contoso'));
    expect(summary).toEqual(
      expect.arrayContaining([
        "Areas the customer doesn't plan to enable, with the reasons why",
        'AADP',
        'No Azure AD P2 licences this year',
        'Intune',
        '✔ Enabled, 20 Nov 2026 · All laptops enrolled',
        'The Next Steps open once the workshops are finished: 3 mandatory tasks still open.',
      ]),
    );
  });

  it('a revision after sign-off clears it, and the trail keeps both', async () => {
    await answer(people.customer, 'AADP', 'enabled');
    await answer(people.customer, 'Intune', 'enabled');
    await act(people.customer, 'outputs.signOff');
    const revised = await answer(people.customer, 'Intune', 'notPlanned', 'Moving to another MDM');
    // The sign-off is cleared, so the contact is asked to sign off again.
    expect(answerText(revised)).toContain('All 2 areas answered.\nSign off');
    const history = texts(cardsIn(await say(people.sme, 'history'))[0]);
    expect(history.filter((t) => t.startsWith('**')).slice(0, 3)).toEqual([
      '**Chris** cleared the sign-off of Key Outputs: Signed off → Not signed off · Reason: Intune was revised',
      '**Chris** answered for Intune: Enabled → Not planned · Reason: Moving to another MDM',
      '**Chris** signed off Key Outputs: Not signed off → Signed off',
    ]);
  });
});

/** The engagement as stored. */
async function stored() {
  const store = openSqliteStores(harness.dataDir);
  try {
    return (await store.engagements.get(engagementId))!.value;
  } finally {
    await store.close();
  }
}

/** The contact's own copy of the Key Outputs form, as their refresh answers it. */
const contactsForm = async () => (await act(people.customer, 'card.refresh', { card: 'keyOutputs' })).value as Card;

/** What Teams sends for Save answers: the button's data and every input of the form, as the contact left them. */
function submitted(form: Card, answers: Record<string, [string, string?]>, newArea = ''): Record<string, string> {
  const data = buttonData(form, 'Save answers', () => true) as Record<string, string>;
  const inputs: Record<string, string> = { newArea };
  for (const [field, area] of Object.entries(data)) {
    const index = /^area\.(\d+)$/.exec(field)?.[1];
    if (index === undefined) continue;
    const [answer = '', text = ''] = answers[area] ?? [];
    Object.assign(inputs, { [`answer.${index}`]: answer, [`text.${index}`]: text });
  }
  return { ...data, ...inputs };
}

describe('Key Outputs in one pass', () => {
  it('one Save answers every area; a row without its reason is named, and the others are kept', async () => {
    await harness.bot.idle();
    const form = await contactsForm();
    expect(buttonsOf(form)).toContain('Save answers');
    expect(buttonsOf(form)).not.toContain('Sign off');
    const answered = await act(
      people.customer,
      'outputs.save',
      submitted(form, { AADP: ['notPlanned'], Intune: ['enabled', 'All laptops enrolled'] }, 'Defender for Cloud Apps'),
    );
    const shown = texts(answered.value).join('\n');
    expect(shown).toContain(
      'Not saved: **AADP**. Please check the reason: it is required for an area the customer does not plan to enable. The other answers are saved.',
    );
    expect(shown).toContain('2 of 3 areas answered; not signed off yet.');
    // The refused row keeps what the contact chose, so only the reason is left to type.
    expect(JSON.stringify(answered.value)).toMatch(
      /"id":"answer\.0","style":"compact","placeholder":"Answer for AADP","value":"notPlanned"/,
    );
    const record = (await stored()).outputs!;
    expect(record.addedAreas).toEqual(['Defender for Cloud Apps']);
    expect(record.answers.map((a) => [a.area, a.answer, a.note ?? a.reason])).toEqual([
      ['Intune', 'enabled', 'All laptops enrolled'],
      ['Defender for Cloud Apps', 'enabled', undefined],
    ]);

    const again = await act(
      people.customer,
      'outputs.save',
      submitted(answered.value as Card, {
        AADP: ['notPlanned', 'No Azure AD P2 licences this year'],
        Intune: ['enabled'],
      }),
    );
    const done = texts(again.value);
    expect(done).toContain('All 3 areas answered.');
    expect(done.join('\n')).not.toContain('Not saved');
    // Sign off comes first, right under the status, as soon as every area is answered.
    expect(buttonsOf(again.value as Card)[0]).toBe('Sign off');
    // An empty text box keeps the note Intune has: the second Save did not revise it.
    expect((await stored()).outputs!.answers.find((a) => a.area === 'Intune')?.note).toBe('All laptops enrolled');
    const history = texts(cardsIn(await say(people.sme, 'history'))[0]).filter((t) => t.startsWith('**'));
    expect(history.filter((t) => t.includes('answered for'))).toHaveLength(3);
  });

  it('a Save that answers nothing, or comes from someone who is not a contact, changes nothing', async () => {
    await harness.bot.idle();
    const form = await contactsForm();
    expect(answerText(await act(people.customer, 'outputs.save', submitted(form, {})))).toBe(
      'Choose Enabled or Not planned for an area first. Nothing was changed.',
    );
    expect(answerText(await act(people.manager, 'outputs.save', submitted(form, { AADP: ['enabled'] })))).toBe(
      "Only the customer's contacts for this engagement can do that here. Nothing was changed.",
    );
    const forged = { ...submitted(form, { AADP: ['enabled'] }), 'area.0': 'Exchange' };
    expect(texts((await act(people.customer, 'outputs.save', forged)).value).join('\n')).toContain(
      'Not saved: **Exchange**. Please check the area: it names "Exchange", which is not one of this engagement\'s areas.',
    );
    expect((await stored()).outputs?.answers ?? []).toEqual([]);
  });
});

describe('Next Steps', () => {
  it('open once the tasks are done and the outputs signed off; the manager’s choice completes the engagement', async () => {
    await answer(people.customer, 'AADP', 'enabled');
    await answer(people.customer, 'Intune', 'enabled');
    await act(people.customer, 'outputs.signOff');
    expect(answerText(await act(people.manager, 'nextStep.choose', { step: '0' }))).toBe(
      'The Next Steps open once the workshops are finished: 3 mandatory tasks still open. Nothing was changed.',
    );
    const inScope = seedPlaybook.workshops
      .flatMap((w) => w.tasks)
      .filter((t) => t.mandatory && t.services.some((s) => ['AADP', 'Intune'].includes(s)));
    for (const task of inScope) await act(people.manager, 'task.complete', { taskId: task.id });
    const shared = texts((await updatedCards()).get('Contoso'));
    expect(shared).toContain('If no workshops are required, proceed to Address Technical Gaps.');
    expect(shared).not.toContain('Choose: Address Technical Gaps');
    const managersCopy = texts((await act(people.manager, 'card.refresh', { card: 'summary' })).value);
    expect(managersCopy).toEqual(
      expect.arrayContaining([
        'Choose: Conduct Services Workshops',
        'Choose: Address Technical Gaps',
        'If no workshops are required, proceed to Address Technical Gaps.',
      ]),
    );
    expect(texts((await act(people.sme, 'card.refresh', { card: 'summary' })).value)).not.toContain(
      'Choose: Address Technical Gaps',
    );
    expect(answerText(await act(people.sme, 'nextStep.choose', { step: '1' }))).toBe(
      'Only FastTrack Manager can do that here. Nothing was changed.',
    );
    const chosen = await act(people.manager, 'nextStep.choose', { step: '1' });
    expect(answerText(chosen)).toContain(
      'Complete: Maria chose the next step, 2 Nov 2026, 09:00 UTC: If no workshops are required, proceed to Address Technical Gaps.',
    );
    const remind = await say(people.manager, 'remind');
    expect(remind[0]?.text).toBe(
      'This engagement is complete: there is nothing to remind anyone of. Nothing was changed.',
    );
  });
});

describe('history', () => {
  it('shows the latest 20 changes, or one task’s, reading older ones from the trail', async () => {
    await act(people.manager, 'task.start', { taskId: '2460' });
    for (let i = 0; i < 60; i++) await act(people.sme, i % 2 ? 'task.reopen' : 'task.complete', { taskId: '2533' });
    const latest = texts(cardsIn(await say(people.customer, 'history'))[0]).filter((t) => t.startsWith('**'));
    expect(latest).toHaveLength(20);
    expect(texts(cardsIn(await say(people.customer, 'history'))[0])[1]).toBe(
      'Contoso · the latest 20 changes, newest first · times in UTC',
    );
    expect(latest[0]).toBe('**Sam** reopened task 2533 (Azure AD Premium – Technical Workshop): Done → In progress');
    const task = texts(cardsIn(await say(people.customer, 'history 2460'))[0]);
    expect(task).toEqual(
      expect.arrayContaining([
        'History of task 2460',
        '**Maria** started task 2460 (Intune - Conduct Microsoft Intune Workshop)',
      ]),
    );
    expect((await say(people.customer, 'history 9999'))[0]?.text).toBe('There is no task 9999 in this engagement.');
  });
});

describe('history, as a person reads it', () => {
  it('begins with the setup, names each task, words values as the cards do, and folds the older changes', async () => {
    await answer(people.customer, 'Intune', 'enabled', '', '2026-11-20');
    await act(people.sme, 'task.start', { taskId: '2533' });
    const card = cardsIn(await say(people.sme, 'history'))[0]!;
    const lines = texts(card).filter((t) => t.startsWith('**'));
    expect(lines[0]).toBe('**Sam** started task 2533 (Azure AD Premium – Technical Workshop)');
    expect(lines[1]).toBe('**Chris** answered for Intune: Not answered → Enabled on 20 Nov 2026');
    expect(lines).toContain('**Maria** took task 4078 (MDATP – Position MDATP over 3rd Party AV) out of scope');
    expect(lines.at(-1)).toBe('**Maria** set up the engagement for Contoso');
    const shown = texts(card);
    expect(shown[1]).toBe(`Contoso · all ${lines.length} changes, newest first · times in UTC`);
    // Each day is named once, above its first change; times are the reader's.
    expect(shown.filter((t) => t === '2 Nov 2026')).toHaveLength(2);
    expect(shown).toContain('09:00');
    expect(JSON.stringify(card)).not.toMatch(/20\d\d-\d\d-\d\d/);
    expect(buttonsOf(card)).toEqual([`Show ${lines.length - HISTORY_SHOWN} older changes`, 'Hide the older changes']);
  });
});

describe('delete engagement', () => {
  const requestOf = (card: Card) => JSON.stringify(card).match(/"requestId":"([0-9a-f-]+)"/)?.[1] ?? '';

  it('is for the FastTrack Manager, after a confirmation naming the customer, and leaves one log line', async () => {
    expect((await say(people.sme, 'delete engagement'))[0]?.text).toBe(
      'Only FastTrack Manager can do that here. Nothing was changed.',
    );
    const confirm = cardsIn(await say(people.manager, 'delete engagement'))[0]!;
    expect(texts(confirm)).toEqual(
      expect.arrayContaining(["Delete Contoso's engagement?", "Delete Contoso's data", 'Keep it']),
    );
    const requestId = requestOf(confirm);
    expect(answerText(await act(people.sme, 'engagement.delete', { requestId }))).toBe(
      'Only FastTrack Manager can do that here. Nothing was changed.',
    );
    harness.connector.clear();
    const deleted = await act(people.manager, 'engagement.delete', { requestId });
    expect(answerText(deleted)).toBe(
      "Engagement deleted\nMaria deleted all of Contoso's engagement data, its history included.",
    );
    const replaced = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body));
    expect(replaced.map((c) => texts(c)[0])).toEqual(Array(5).fill('Engagement deleted'));
    const check = openSqliteStores(harness.dataDir);
    expect(await check.engagements.get(engagementId)).toBeUndefined();
    expect(await check.engagements.trail(engagementId, { beforeSeq: Number.MAX_SAFE_INTEGER, limit: 10 })).toEqual([]);
    await check.close();
    expect((await say(people.manager, 'status'))[0]?.text).toContain('There is no engagement here yet.');
    const lines = harness.logs.filter((l) => l.event === 'engagement.deleted');
    expect(lines).toEqual([
      expect.objectContaining({ engagementId, by: people.manager.aadObjectId, at: T0.toISOString() }),
    ]);
    expect(JSON.stringify(harness.logs)).not.toContain('Contoso');
  });

  it('"Keep it" cancels the request: the same click replayed afterwards deletes nothing', async () => {
    const requestId = requestOf(cardsIn(await say(people.manager, 'delete engagement'))[0]!);
    expect(answerText(await act(people.manager, 'engagement.keep', { requestId }))).toBe(
      "Nothing deleted\nMaria kept Contoso's engagement. Nothing was deleted.",
    );
    const replayed = await act(people.manager, 'engagement.delete', { requestId });
    expect(answerText(replayed)).toMatch(/^This deletion request is no longer open/);
    expect((await say(people.manager, 'status')).length).toBe(1);
    const history = texts(cardsIn(await say(people.manager, 'history'))[0]).join('\n');
    expect(history).toContain('**Maria** kept the engagement of Contoso');
    expect(history).toContain('**Maria** asked to delete the engagement of Contoso');
  });

  it('a confirmation that was never asked for, or that names a forged request, deletes nothing', async () => {
    for (const requestId of ['', 'not-a-request', '00000000-0000-4000-8000-000000000000']) {
      const answer = await act(people.manager, 'engagement.delete', { requestId });
      expect(JSON.stringify(answer)).toMatch(/This deletion request is no longer open|The card action is missing/);
    }
    const requestId = requestOf(cardsIn(await say(people.manager, 'delete engagement'))[0]!);
    await act(people.manager, 'engagement.delete', { requestId });
    expect(answerText(await act(people.manager, 'engagement.delete', { requestId }))).toBe(
      'There is no engagement here yet. Type **workshops** to set one up.',
    );
  });
});
