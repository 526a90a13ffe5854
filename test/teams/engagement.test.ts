import { botAddedToTeam, cardAction, channelMessage, personalMessage, rosterOf } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonData, cardsIn, taskButtons, taskStatus, texts, type Card } from '../fixtures/cardText';
import { people, seedPlaybook } from '../fixtures/engagement';
import { setupInputs, setUpChannel } from '../fixtures/setupChannel';

let harness: BotHarness;
beforeEach(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  await harness.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
const sentCards = () => cardsIn(harness.connector.sent.map((s) => s.body));
const url = () => harness.connector.serviceUrl;
const heading = (card: Card) => texts(card)[1];
/** What a task list's Complete button of task `taskId` sends back. */
const rowData = (card: Card, taskId: string) => buttonData(card, 'Complete', (d) => d.taskId === taskId)!;
const act = async (who = people.sme, verb = 'task.complete', data: Record<string, unknown> = {}) => {
  const response = await harness.post(cardAction(url(), who, verb, { engagementId, ...data }));
  return response.body as InvokeBody;
};
let engagementId = '';

async function setUp(choices = {}) {
  const response = await setUpChannel(harness, choices);
  const posted = sentCards();
  engagementId = JSON.stringify(posted[0]).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  return { response: response.body as InvokeBody, posted };
}

describe('setting up an engagement in the customer channel', () => {
  it('offers the setup card, with the team members as choices, when the bot is added to the team', async () => {
    harness.connector.members = rosterOf([people.sme, people.manager, people.customer]);
    await harness.post(botAddedToTeam(url(), people.manager));
    const [welcome, setup] = sentCards();
    expect(texts(welcome)).toContain('Hello, everyone');
    const setupTexts = texts(setup);
    expect(setupTexts).toEqual(
      expect.arrayContaining([
        'Set up an engagement',
        'Customer name',
        'SME',
        'FastTrack Manager',
        'FastTrack Engineer',
        'Customer contacts',
        'Target dates',
        'Device Security',
      ]),
    );
    expect(setupTexts).toEqual(expect.arrayContaining(['Sam', 'Maria', 'Chris', 'AADP', 'Windows 10']));
  });

  it('posts one card per workshop and a summary, and replaces the setup card with a note', async () => {
    const { response, posted } = await setUp({ targetDates: ['2026-12-01', '', ''] });
    expect(response.statusCode).toBe(200);
    expect(texts(response.value)).toEqual([
      'Engagement started',
      'Maria set up Conduct Security Workshops for Contoso. The workshop cards follow.',
    ]);
    expect(posted.map(heading)).toEqual([
      'Key Inputs',
      'Identity Security',
      'Device Security',
      'Information Security',
      'Contoso',
    ]);
    expect(texts(posted[1])).toEqual(
      expect.arrayContaining([
        'Contoso · Primary role: SME · AADP · Due 1 Dec 2026',
        '○ Not started',
        ' · SME: Sam · AADP',
      ]),
    );
    expect(texts(posted[4])).toContain('0 of 7 mandatory tasks done; 7 open.');
  });

  it('never creates a second engagement for the channel', async () => {
    await setUp();
    harness.connector.clear();
    const again = await setUpChannel(harness, { customerName: 'Fabrikam' });
    expect(texts((again.body as InvokeBody).value)).toEqual([
      'Already set up',
      'There is already an engagement here, for Contoso. Type **status** to see it.',
    ]);
    expect(harness.connector.sent).toEqual([]);
  });

  it('two people submitting the setup at the same moment make one engagement and one set of cards', async () => {
    harness.connector.members = rosterOf(Object.values(people));
    const submit = (by: typeof people.manager) =>
      harness.post(cardAction(url(), by, 'setup.submit', setupInputs(seedPlaybook, { customerName: by.name })));
    const answers = await Promise.all([submit(people.manager), submit(people.sme)]);
    const titles = answers.map((a) => texts((a.body as InvokeBody).value)[0]).sort();
    expect(titles).toEqual(['Already set up', 'Engagement started']);
    expect(sentCards().map(heading)).toHaveLength(5);
  });

  it('shows tasks outside the customer licensing as not applicable, not outstanding', async () => {
    const { posted } = await setUp({ services: ['AADP', 'Intune', 'Exchange', 'AIP'] });
    const device = posted[2]!;
    expect(taskStatus(device, '4079')).toBe('— Not applicable');
    expect(texts(device)).toContain("Reason: Not in the customer's licensing");
    expect(taskButtons(device, '4079')).toEqual([]);
    expect(texts(device)).toContain('0 of 2 mandatory tasks done');
    // The header names only the services the customer is licensed for: Intune, not MDATP or Windows 10.
    expect(texts(device)[0]).toBe('Contoso · Primary role: SME · Intune · No target date');
    const own = await act(people.manager, 'card.refresh', { card: 'workshop:Device Security' });
    expect(taskButtons(own.value as Card, '4079')).toEqual(['Bring into scope']);
  });

  it('refuses a setup with someone who is not in the team', async () => {
    harness.connector.members = rosterOf([people.manager]);
    const inputs = setupInputs(seedPlaybook);
    const response = await harness.post(cardAction(url(), people.manager, 'setup.submit', inputs));
    expect((response.body as InvokeBody).value).toBe(
      'Please check the SME field: it names someone who is not a member of this conversation.',
    );
    harness.connector.clear();
    await harness.post(channelMessage(url(), people.manager, 'status'));
    expect(harness.connector.sent[0]?.body.text).toMatch(/no engagement here yet/);
  });
});

describe('moving tasks along from the workshop card', () => {
  beforeEach(async () => {
    await setUp();
    harness.connector.clear();
  });

  it('an SME completes an SME task: the card shows it done and the summary is updated in place', async () => {
    const response = await act(people.sme, 'task.complete', { taskId: '2533' });
    expect(response.type).toBe('application/vnd.microsoft.card.adaptive');
    const card = response.value as Card;
    expect(taskStatus(card, '2533')).toBe('✔ Done');
    expect(texts(card)).toContain('1 of 1 mandatory task done');
    expect(texts(card).find((t) => t.startsWith(' · SME: Sam'))).toMatch(/ · Sam, \d+ \w+ \d{4}, \d\d:\d\d UTC$/);
    expect(taskButtons(card, '2533')).toEqual(['Reopen']);
    await harness.bot.idle();
    const updates = harness.connector.sent.filter((s) => s.method === 'PUT');
    const summary = cardsIn(updates.map((u) => u.body)).find((c) => heading(c) === 'Contoso');
    expect(texts(summary)).toContain('1 of 7 mandatory tasks done; 6 open.');
  });

  it('a customer cannot complete a task: a short reason, and nothing changes', async () => {
    const response = await act(people.customer, 'task.complete', { taskId: '2533' });
    expect(response).toEqual({
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: 'Only SME or FastTrack Manager can do that here. Nothing was changed.',
    });
    expect(harness.connector.sent).toEqual([]);
    await harness.post(channelMessage(url(), people.customer, 'status'));
    expect(texts(sentCards()[0])).toContain('0 of 7 mandatory tasks done; 7 open.');
  });

  it('a FastTrack Engineer cannot start an SME task, but a FastTrack Manager can', async () => {
    expect((await act(people.engineer, 'task.start', { taskId: '4084' })).value).toMatch(
      /^Only SME or FastTrack Manager/,
    );
    expect(taskStatus((await act(people.manager, 'task.start', { taskId: '4084' })).value as Card, '4084')).toBe(
      '◐ In progress',
    );
  });

  it('needs a reason to mark a task not applicable and shows it', async () => {
    expect((await act(people.sme, 'task.notApplicable', { taskId: '4085' })).value).toBe(
      'Please check the reason: it is required to mark a task not applicable.',
    );
    const card = (
      await act(people.sme, 'task.notApplicable', { taskId: '4085', 'reason-4085': 'Customer uses Defender already' })
    ).value as Card;
    expect(taskStatus(card, '4085')).toBe('— Not applicable');
    expect(texts(card)).toContain('Reason: Customer uses Defender already');
  });

  it('the same task completed twice moves once; the second click is told why', async () => {
    const [a, b] = await Promise.all([
      act(people.sme, 'task.complete', { taskId: '4078' }),
      act(people.manager, 'task.complete', { taskId: '4078' }),
    ]);
    const messages = [a, b].filter((r) => r.type === 'application/vnd.microsoft.activity.message').map((r) => r.value);
    expect(messages).toEqual(["Task 4078 is done, so you can't complete it now. Nothing was changed."]);
  });
});

describe('commands in an engagement channel', () => {
  beforeEach(async () => {
    await setUp({ targetDates: ['', '2027-01-15', ''] });
    await act(people.sme, 'task.complete', { taskId: '4084' });
    harness.connector.clear();
  });

  it('"tasks sme" lists the open SME tasks per workshop', async () => {
    await harness.post(channelMessage(url(), people.manager, 'tasks sme'));
    const list = texts(sentCards()[0]);
    expect(list).toEqual(
      expect.arrayContaining([
        'Open tasks: SME',
        'Device Security',
        '**4078** · MDATP – Position MDATP over 3rd Party AV — ○ Not started · SME: Sam · Due 15 Jan 2027',
      ]),
    );
    expect(list.join('\n')).not.toContain('4084');
  });

  it('"tasks mine" lists the tasks of the roles the person holds', async () => {
    await harness.post(channelMessage(url(), people.engineer, 'tasks mine'));
    expect(texts(sentCards()[0]).filter((t) => t.startsWith('**'))).toEqual([
      '**3747** · Exchange Online Protection Workshop — ○ Not started · FastTrack Engineer: Erin · No target date',
      '**3748** · Data Loss Prevention Workshop — ○ Not started · Optional · FastTrack Engineer: Erin · No target date',
      '**3749** · Office 365 Message Encryption Workshop — ○ Not started · Optional · FastTrack Engineer: Erin · No target date',
    ]);
  });

  it('"my tasks" in 1:1 chat lists open tasks across engagements', async () => {
    await harness.post(personalMessage(url(), people.engineer, 'my tasks'));
    const list = texts(sentCards()[0]);
    expect(list).toEqual(expect.arrayContaining(['Your open tasks', 'Contoso']));
    expect(list.filter((t) => t.startsWith('**'))).toHaveLength(3);
  });

  it('"tasks" shows each person Start and Complete on the rows they may change, and none to a customer', async () => {
    await harness.post(channelMessage(url(), people.manager, 'tasks sme'));
    await harness.post(channelMessage(url(), people.customer, 'tasks sme'));
    const [managers, customers] = sentCards();
    expect(taskButtons(managers!, '4078')).toEqual(['Start', 'Complete']);
    expect(taskButtons(customers!, '4078')).toEqual([]);
  });

  it('completing a row of "tasks mine" answers with the list as it is now and updates the workshop card', async () => {
    await harness.post(channelMessage(url(), people.engineer, 'tasks mine'));
    const row = rowData(sentCards()[0]!, '3747');
    harness.connector.clear();
    const answer = await act(people.engineer, 'tasks.complete', row);
    expect(texts(answer.value)).toContain('Open tasks for Erin');
    expect(texts(answer.value).join('\n')).not.toContain('**3747**');
    await harness.bot.idle();
    const updated = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body));
    const information = updated.filter((c) => heading(c) === 'Information Security').at(-1)!;
    expect(taskStatus(information, '3747')).toBe('✔ Done');
  });

  it('starting a row of "my tasks" in the 1:1 chat leaves it with Complete, and the channel card shows it', async () => {
    await harness.post(personalMessage(url(), people.engineer, 'my tasks'));
    const row = rowData(sentCards()[0]!, '3747');
    harness.connector.clear();
    const response = await harness.post(cardAction(url(), people.engineer, 'tasks.start', row, { personal: true }));
    const list = (response.body as InvokeBody).value as Card;
    expect(texts(list)).toContain('Your open tasks');
    expect(taskButtons(list, '3747')).toEqual(['Complete']);
    await harness.bot.idle();
    const updated = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body));
    expect(taskStatus(updated.filter((c) => heading(c) === 'Information Security').at(-1)!, '3747')).toBe(
      '◐ In progress',
    );
  });

  it('a row clicked by someone who may not change it, or naming an unknown list, changes nothing', async () => {
    await harness.post(channelMessage(url(), people.engineer, 'tasks mine'));
    const row = rowData(sentCards()[0]!, '3747');
    expect((await act(people.customer, 'tasks.complete', row)).value).toBe(
      'Only FastTrack Engineer or FastTrack Manager can do that here. Nothing was changed.',
    );
    const forged = await act(people.engineer, 'tasks.complete', { ...row, list: 'everyone' });
    expect(forged).toMatchObject({ statusCode: 400, value: { message: 'This task list is not one I know.' } });
    await harness.post(channelMessage(url(), people.engineer, 'tasks mine'));
    expect(texts(sentCards().at(-1)).join('\n')).toContain(
      '**3747** · Exchange Online Protection Workshop — ○ Not started',
    );
  });

  it('"my tasks" in a channel points to the 1:1 chat', async () => {
    await harness.post(channelMessage(url(), people.engineer, 'my tasks'));
    expect(harness.connector.sent[0]?.body.text).toBe(
      'I don\'t know "my tasks" here; it works in our 1:1 chat. Type **help** to see what I can do.',
    );
  });

  it('"workshops" re-posts the live cards and "status" the summary', async () => {
    await harness.post(channelMessage(url(), people.customer, 'workshops'));
    expect(sentCards().map(heading)).toEqual([
      'Identity Security',
      'Device Security',
      'Information Security',
      'Contoso',
    ]);
    expect(taskStatus(sentCards()[1]!, '4084')).toBe('✔ Done');
  });

  it('"settings" is for the FastTrack Manager only', async () => {
    await harness.post(channelMessage(url(), people.sme, 'settings'));
    expect(harness.connector.sent[0]?.body.text).toBe('Only FastTrack Manager can do that here. Nothing was changed.');
    harness.connector.clear();
    await harness.post(channelMessage(url(), people.manager, 'settings'));
    const form = sentCards()[0]!;
    expect(texts(form)[0]).toBe('Settings for Contoso');
    expect(JSON.stringify(form)).toContain('"value":"2027-01-15"');
  });

  it('saving settings updates every posted card in place', async () => {
    const inputs = setupInputs(seedPlaybook, {
      customerName: 'Contoso Ltd',
      roles: { SME: [people.sme, people.stranger], 'FastTrack Manager': [people.manager] },
    });
    const response = await harness.post(
      cardAction(url(), people.manager, 'settings.save', { ...inputs, engagementId: engagementId }),
    );
    expect(texts((response.body as InvokeBody).value)[0]).toBe('Settings saved');
    await harness.bot.idle();
    const updated = cardsIn(harness.connector.sent.filter((s) => s.method === 'PUT').map((s) => s.body));
    expect(updated.map(heading).sort()).toEqual([
      'Contoso Ltd',
      'Device Security',
      'Identity Security',
      'Information Security',
      'Key Inputs',
    ]);
    expect(texts(updated.find((c) => heading(c) === 'Identity Security')).join('\n')).toContain('SME: Sam, Stan');
  });

  it('an SME cannot save settings', async () => {
    const inputs = setupInputs(seedPlaybook, { customerName: 'Hijacked' });
    const response = await harness.post(
      cardAction(url(), people.sme, 'settings.save', { ...inputs, engagementId: engagementId }),
    );
    expect((response.body as InvokeBody).value).toBe('Only FastTrack Manager can do that here. Nothing was changed.');
  });
});
