import { randomUUID } from 'node:crypto';
import { MessageFactory, CardFactory } from 'botbuilder';
import { channelTaskList } from '../../src/teams/cards/taskLists';
import { confirmDeleteView, engagementDeleted, engagementKept, settingsSaved } from '../../src/teams/views/notices';
import { CardRenderer, CARD_TOO_LARGE_TITLE } from '../../src/teams/cards/renderer';
import type { CardName } from '../../src/teams/views/cardTypes';
import { commandMap } from '../../src/teams/commands';
import { helpView, playbookWorkshopView, welcomeView } from '../../src/teams/views/catalog';
import { choosePlaybookView, setupView } from '../../src/teams/views/setup';
import { summaryView } from '../../src/teams/views/summary';
import { taskListView } from '../../src/teams/views/taskList';
import { workshopView } from '../../src/teams/views/workshop';
import { keyInputsView } from '../../src/teams/views/keyInputs';
import { keyOutputsView, type TypedAnswers } from '../../src/teams/views/keyOutputs';
import { outputAreas } from '../../src/domain/outputs';
import { historyView } from '../../src/teams/views/history';
import { digestView } from '../../src/teams/views/digest';
import { digestFor } from '../../src/domain/reminders';
import { settingEvents } from '../../src/domain/settingEvents';
import { cleanText } from '../../src/domain/text';
import type { AuditEvent, Engagement, Person } from '../../src/domain/types';
import { plain, shown, type Viewer } from '../../src/teams/views/format';
import { ConnectorHttp } from '../../src/teams/outbound/connectorHttp';
import { texts } from '../fixtures/cardText';
import { startFakeConnector } from '../fixtures/fakeConnector';
import { seedCatalog, seedPlaybook, T0 } from '../fixtures/engagement';
import { crowd, hostile, hostileEngagement } from '../fixtures/hostileEngagement';

/** What the bot may send in one activity: Teams refuses about 40 KB, so every card keeps a margin. */
const ACTIVITY_BUDGET = 36 * 1024;

const renderer = new CardRenderer();
const engagement = hostileEngagement();
const [manager] = engagement.roles.find((r) => r.role === 'FastTrack Manager')!.people;
const sme = engagement.roles.find((r) => r.role === 'SME')!.people[0]!;
const contact = engagement.customerContacts[0]!;
const stranger: Person = { id: '29:stranger', name: hostile(100), aadObjectId: 'aad-stranger' };
const zone = 'America/Argentina/ComodRivadavia';
const viewers: [string, Viewer][] = [
  ['everyone', {}],
  ['the manager', { person: manager!, timeZone: zone }],
  ['an SME', { person: sme, timeZone: zone }],
  ['a customer contact', { person: contact, timeZone: zone }],
  ['a stranger', { person: stranger, timeZone: zone }],
];

/** Twenty of the largest events the trail holds: whole teams replaced, long reasons, every area answered. */
function largestEvents(): AuditEvent[] {
  const before = { ...engagement, roles: engagement.roles.map((r) => ({ ...r, people: crowd(`old-${r.role}`, 25) })) };
  const roleChanges = settingEvents(before, engagement, manager!, T0.toISOString());
  return [...roleChanges, ...engagement.audit, ...roleChanges, ...roleChanges, ...roleChanges, ...roleChanges]
    .slice(0, 20)
    .map((e, i) => ({ ...e, seq: i + 1, reason: cleanText(hostile(500, i)), note: cleanText(hostile(1000, i)) }));
}

/** A submit refused on every row, each for a problem of its own, which the notice names one by one. */
function refusedEverywhere(): TypedAnswers {
  const rows = outputAreas(engagement).map((area) => ({ area, answer: 'notPlanned' }));
  const problem = (i: number) => `Please check the reason: it is ${4000 - i} characters; the limit is 500.`;
  const notice = rows.map((r, i) => `Not saved: **${shown(r.area, 60)}**. ${problem(i)}`).join(' ');
  return { rows, notice };
}

function digest(): ReturnType<typeof digestFor> {
  const engagements: Engagement[] = Array.from({ length: 20 }, (_, i) => ({ ...engagement, id: `eng-${i}` }));
  return digestFor(
    {
      recipient: manager!,
      engagements,
      today: '2026-11-30',
      kind: 'weekly',
      now: T0,
      snoozes: [],
      unreachable: new Map(engagement.roles.flatMap((r) => r.people).map((p) => [p.aadObjectId ?? p.id, p.name])),
    },
    { leadDays: 5, escalateAfterDays: 3, hour: 9 },
  );
}

const allRoles = (e: Engagement) => [...new Set(e.tasks.map((t) => t.role))];
const members = crowd('m', 500);
const names = seedPlaybook.workshops.map((w) => w.name);
const mine = { title: 'Your open tasks', subtitle: 'Across all engagements' };

/** Every card type, in its largest state, as each kind of person sees it. */
function largestCards(): [string, CardName, unknown][] {
  const perViewer = viewers.flatMap(([who, viewer]): [string, CardName, unknown][] => [
    ...names.map((w): [string, CardName, unknown] => [
      `${w} for ${who}`,
      'workshop',
      workshopView(engagement, seedPlaybook, w, viewer),
    ]),
    [`summary for ${who}`, 'summary', summaryView(engagement, seedPlaybook, seedPlaybook.title, viewer)],
    [`Key Inputs for ${who}`, 'keyInputs', keyInputsView(engagement, seedPlaybook, viewer)],
    [`Key Outputs for ${who}`, 'keyOutputs', keyOutputsView(engagement, seedPlaybook, viewer)],
    [`tasks for ${who}`, 'taskList', channelTaskList(engagement, { person: stranger, ...viewer }, '')],
    [`tasks mine for ${who}`, 'taskList', channelTaskList(engagement, { person: manager!, ...viewer }, 'mine')],
    [
      `my tasks for ${who}`,
      'taskList',
      taskListView(mine, Array(30).fill(engagement), allRoles, viewer, { list: 'mine' }),
    ],
  ]);
  return [
    ...perViewer,
    ['history', 'history', historyView(engagement, largestEvents(), 20, { zone })],
    ['digest', 'digest', digestView(digest())],
    ['setup', 'setup', setupView(seedPlaybook, members)],
    ['settings', 'setup', setupView(seedPlaybook, members, engagement)],
    [
      'Key Outputs for a contact, after a submit refused on every row',
      'keyOutputs',
      keyOutputsView(engagement, seedPlaybook, { person: contact, timeZone: zone }, refusedEverywhere()),
    ],
    ['delete confirmation', 'confirmDelete', confirmDeleteView(engagement, manager!, randomUUID())],
    ['settings saved', 'notice', settingsSaved(manager!, engagement)],
    ['engagement deleted', 'notice', engagementDeleted(manager!, engagement)],
    ['engagement kept', 'notice', engagementKept(manager!, engagement)],
    ['help', 'help', helpView([...commandMap().values()], true)],
    ['welcome', 'welcome', welcomeView(seedCatalog, true)],
    ['choose playbook', 'choosePlaybook', choosePlaybookView(seedCatalog.playbooks)],
    ...seedPlaybook.workshops.map((w): [string, CardName, unknown] => [
      `playbook ${w.name}`,
      'playbookWorkshop',
      playbookWorkshopView(seedPlaybook, w, 'footer'),
    ]),
  ];
}

/** The reply activity as the bot sends it: the card and the envelope around it. */
function activityBytes(card: Record<string, unknown>): number {
  const activity = {
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    id: '1:'.padEnd(40, '9'),
    conversation: { id: engagement.conversationId, conversationType: 'channel', tenantId: engagement.tenantId },
    from: { id: `28:${'0'.repeat(36)}`, name: 'Security Workshops' },
    recipient: { id: manager!.id, name: manager!.name, aadObjectId: manager!.aadObjectId },
    replyToId: '1:'.padEnd(40, '9'),
    serviceUrl: engagement.serviceUrl,
    channelId: 'msteams',
    channelData: { tenant: { id: engagement.tenantId } },
  };
  return Buffer.byteLength(JSON.stringify(activity));
}

/** The texts a card renders as markdown: TextBlocks and facts (inputs and choices show text as it is). */
function markdownTexts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(markdownTexts);
  if (!node || typeof node !== 'object') return [];
  const o = node as Record<string, unknown>;
  const facts = o.type === 'FactSet' ? (o.facts as { title: string; value: string }[]) : [];
  const own = [
    ...(o.type === 'TextBlock' && typeof o.text === 'string' ? [o.text] : []),
    ...facts.flatMap((f) => [f.title, f.value]),
  ];
  return [...own, ...Object.values(o).flatMap(markdownTexts)];
}

/** Text that would render as markdown or a mention, or that hides or reverses what is shown. */
function unsafe(text: string): string[] {
  const problems: string[] = [];
  if (/(^|[^\\])\[[^\]]*(^|[^\\])\]\(/.test(text)) problems.push('a link');
  if (/(^|[^\\])\*\*IMPORTANT/.test(text)) problems.push('emphasis');
  if (/(^|[^\\])<at>/.test(text)) problems.push('a mention');
  if (/https:\/\//.test(text)) problems.push('a bare URL');
  if (/^- item/m.test(text)) problems.push('a list');
  return problems;
}

const cards = largestCards();

describe('every card in its largest state, with hostile text, for every kind of person', () => {
  it.each(cards)('%s fits in an activity of at most 36 KB, without falling back', (_what, name, data) => {
    const card = renderer.card(name, data as never);
    expect(texts(card)).not.toContain(CARD_TOO_LARGE_TITLE);
    expect(activityBytes(card)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
  });

  it.each(cards)('%s shows what people typed as plain text', (_what, name, data) => {
    const card = renderer.card(name, data as never);
    const shown = markdownTexts(card).flatMap((t) => unsafe(t).map((p) => `${p} in "${t.slice(0, 80)}"`));
    expect(shown).toEqual([]);
    expect(texts(card).filter((t) => /[\p{Cc}\u202e\u200b]/u.test(t))).toEqual([]);
  });
});

describe('a card that would still be too large', () => {
  it('is replaced by a short card saying what to do, and the replacement is reported', () => {
    const reported: [string, number][] = [];
    const guarded = new CardRenderer(undefined, 'compiled', (name, bytes) => reported.push([name, bytes]));
    const commands = Array.from({ length: 400 }, (_, i) => ({ usage: `command ${i}`, description: hostile(100, i) }));
    const card = guarded.card('help', { intro: 'Help', commands, moreCommands: [], moreLabel: '', howToAsk: 'Ask' });
    expect(texts(card)).toEqual(expect.arrayContaining([CARD_TOO_LARGE_TITLE]));
    expect(texts(card).join(' ')).toContain('Type **status**, **tasks** or **history**');
    expect(activityBytes(card)).toBeLessThan(2048);
    expect(reported).toEqual([['help', expect.any(Number)]]);
    expect(reported[0]![1]).toBeGreaterThan(36 * 1024);
  });

  it('is never sent: Teams would refuse it, so the connector gives up on it at once', async () => {
    const connector = await startFakeConnector();
    const http = new ConnectorHttp(async () => undefined, { timeoutMs: 1000, maxSockets: 2 });
    try {
      const huge = { type: 'message', text: 'x'.repeat(41 * 1024) };
      const call = {
        method: 'POST' as const,
        serviceUrl: connector.serviceUrl,
        path: 'v3/conversations/c/activities',
        body: huge,
      };
      await expect(http.call(call)).rejects.toMatchObject({ status: 413, code: 'RequestTooLarge' });
      expect(connector.sent).toEqual([]);
    } finally {
      http.close();
      await connector.stop();
    }
  });
});

describe('history, where the full text is read', () => {
  it('shows the newest reasons and notes whole, and counts the changes that did not fit', () => {
    const events = largestEvents();
    const card = renderer.card('history', historyView(engagement, events, 20));
    const shownText = texts(card).join('\n');
    expect(shownText).toContain(`Reason: ${plain(events[0]!.reason!)}`);
    expect(shownText).toContain(`Note: ${plain(events[0]!.note!)}`);
    expect(shownText).toMatch(/…and \d+ older changes? that did not fit here\./);
    expect(activityBytes(card)).toBeLessThanOrEqual(ACTIVITY_BUDGET);
  });
});
