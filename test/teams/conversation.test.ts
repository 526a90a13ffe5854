import { botAddedToTeam, channelMessage, personalMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness.stop();
});
beforeEach(() => harness.connector.clear());

type Card = { body: unknown[] };

const texts = (node: unknown): string[] => {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = [o.text, o.title, o.value].filter((v): v is string => typeof v === 'string');
    return [...own, ...Object.values(o).flatMap(texts)];
  }
  return [];
};

function cardsSent(): Card[] {
  return harness.connector.sent.flatMap((s) =>
    ((s.body.attachments as { contentType: string; content: Card }[] | undefined) ?? [])
      .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
      .map((a) => a.content),
  );
}

describe('chatting with the bot over HTTP', () => {
  it('answers "workshops" in a channel with one card per workshop listing all eleven tasks', async () => {
    const { status } = await harness.post(channelMessage(harness.connector.serviceUrl, people.sme, 'workshops'));
    expect(status).toBe(200);
    const [setup, ...rest] = cardsSent().reverse();
    const cards = rest.reverse();
    expect(cards.map((c) => texts(c)[1])).toEqual(['Identity Security', 'Device Security', 'Information Security']);
    expect(texts(setup)[0]).toBe('Set up an engagement');
    const all = cards.flatMap(texts).join('\n');
    for (const line of [
      '**2533** · Azure AD Premium – Technical Workshop',
      'Mandatory · SME · AADP',
      '**3748** · Data Loss Prevention Workshop',
      'Optional · FastTrack Engineer · Exchange, OneDrive for Business, SharePoint',
      '**3997** · MIP – MIP Workshop',
    ]) {
      expect(all).toContain(line);
    }
    expect(all.match(/\*\*\d{4}\*\* · /g)).toHaveLength(11);
    expect(cards.map((c) => texts(c).find((t, i, a) => a[i - 1] === 'Mandatory tasks'))).toEqual([
      '1 of 1 task',
      '4 of 5 tasks',
      '2 of 5 tasks',
    ]);
  });

  it('replies in the conversation the message came from', async () => {
    await harness.post(personalMessage(harness.connector.serviceUrl, people.customer, 'workshops'));
    expect(new Set(harness.connector.sent.map((s) => s.conversationId))).toEqual(
      new Set([`a:personal-${people.customer.id}`]),
    );
  });

  it('answers "help" with the commands it knows', async () => {
    await harness.post(personalMessage(harness.connector.serviceUrl, people.manager, '  HELP '));
    const [card] = cardsSent();
    expect(texts(card)).toEqual(expect.arrayContaining(['help', 'workshops', 'Type a command in this chat.']));
  });

  it('tells a channel to @mention it', async () => {
    await harness.post(channelMessage(harness.connector.serviceUrl, people.manager, 'help'));
    expect(texts(cardsSent()[0])).toContain('In a channel, @mention me before the command.');
  });

  it('answers unknown text with a short hint that quotes it, shortened, not an error', async () => {
    await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'make me a sandwich'));
    await harness.post(
      personalMessage(harness.connector.serviceUrl, people.sme, `status ${'of everything '.repeat(9)}`),
    );
    expect(harness.connector.sent.map((s) => s.body.text)).toEqual([
      'I don\'t know "make me a sandwich". Type **help** to see what I can do.',
      'I don\'t know "status of everything of everything of e…" here; it works in a customer\'s channel. In our chat, **my tasks** lists your open tasks in every engagement. Type **help** to see what I can do.',
    ]);
  });

  it('suggests the command a slip of the keyboard meant', async () => {
    await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'hlep'));
    await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'workshop'));
    await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'hi'));
    expect(harness.connector.sent.map((s) => s.body.text)).toEqual([
      'I don\'t know "hlep". Did you mean **help**? Type **help** to see what I can do.',
      'I don\'t know "workshop". Did you mean **workshops**? Type **help** to see what I can do.',
      'I don\'t know "hi". Type **help** to see what I can do.',
    ]);
  });

  it('points "tasks mine" in a 1:1 chat to "my tasks"', async () => {
    await harness.post(personalMessage(harness.connector.serviceUrl, people.sme, 'tasks mine'));
    expect(harness.connector.sent.map((s) => s.body.text)).toEqual([
      'In our chat, type **my tasks** for your open tasks in every engagement.',
    ]);
  });

  it('greets the channel when it is installed in a team, and offers the setup', async () => {
    await harness.post(botAddedToTeam(harness.connector.serviceUrl, people.manager));
    const [card, setup] = cardsSent();
    expect(texts(setup)[0]).toBe('Set up an engagement');
    expect(texts(card)).toEqual(
      expect.arrayContaining([
        'Hello, everyone',
        '**Conduct Security Workshops**: Identity Security, Device Security, Information Security',
      ]),
    );
    expect(harness.connector.sent[0]?.conversationId).toBe('19:channel-security@thread.tacv2');
  });

  it('stays quiet when a person, not the bot, joins the team', async () => {
    await harness.post(botAddedToTeam(harness.connector.serviceUrl, people.manager, [{ id: '29:new', name: 'New' }]));
    expect(harness.connector.sent).toEqual([]);
  });
});

describe('health endpoints', () => {
  it('says it is alive and that its store is reachable', async () => {
    const health = await fetch(`${harness.bot.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${harness.bot.url}/readyz`);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'sqlite' });
  });
});
