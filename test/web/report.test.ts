import { cardAction, channelMessage } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { buttonsOf, cardsIn, texts, type Card } from '../fixtures/cardText';
import { testClock } from '../fixtures/clock';
import { people, seedPlaybook } from '../fixtures/engagement';
import { setUpChannel } from '../fixtures/setupChannel';

const clock = testClock('2026-12-04T10:00:00Z');
let harness: BotHarness;
let engagementId = '';

const url = () => harness.connector.serviceUrl;
const act = async (who: (typeof people)[keyof typeof people], verb: string, data: Record<string, string> = {}) =>
  (await harness.post(cardAction(url(), who, verb, { engagementId, ...data }))).body as {
    statusCode: number;
    value: unknown;
  };

/** The cards the bot posts in answer to `text` typed in the channel. */
async function say(who: (typeof people)[keyof typeof people], text: string): Promise<Card[]> {
  await harness.bot.idle();
  harness.connector.clear();
  await harness.post(channelMessage(url(), who, text));
  return cardsIn(harness.connector.sent.filter((s) => s.method === 'POST').map((s) => s.body));
}

/** The address a card's "Open the report" (or the summary's "Report") button opens. */
function openUrl(card: unknown, title: string): string {
  const found = JSON.stringify(card).match(new RegExp(`"type":"Action.OpenUrl","title":"${title}","url":"([^"]+)"`));
  return found?.[1] ?? '';
}

async function fetchPage(address: string) {
  const response = await fetch(address);
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    text: await response.text(),
    headers: response.headers,
  };
}

const HOSTILE_REASON = '[Open me](https://evil.example) <script>alert(1)</script> =cmd|calc';
const FORMULA = '=HYPERLINK("https://evil.example","Click")';

beforeAll(async () => {
  harness = await startHarness({}, { now: clock.now });
  await setUpChannel(harness, { services: ['AADP', 'Intune'] });
  engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  await act(people.customer, 'outputs.answer', { area: 'AADP', answer: 'enabled', text: FORMULA, date: '2026-12-01' });
  await act(people.customer, 'outputs.answer', { area: 'Intune', answer: 'notPlanned', text: HOSTILE_REASON });
  await act(people.sme, 'task.complete', { taskId: '2533' });
});
afterAll(async () => {
  await harness.stop();
});

describe("the customer's engagement report", () => {
  it('`report` posts a signed link; the summary has a Report button; the page shows the areas not planned with their reasons', async () => {
    const [card] = await say(people.customer, 'report');
    expect(texts(card)).toContain("Contoso's engagement report");
    expect(buttonsOf(card!)).toEqual(['Open the report']);
    const link = openUrl(card, 'Open the report');
    expect(link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/report/${engagementId}\\?x=\\d+&g=0&k=1&s=[\\w-]+$`));
    const [summary] = await say(people.customer, 'status');
    expect(openUrl(summary, 'Report')).toBe(link);
    const page = await fetchPage(link);
    page.text = page.text.replace(/>\s+</g, '><');
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.text).toContain("<h2>The areas the customer doesn't plan to enable, and the reasons why</h2>");
    expect(page.text).toContain(
      '<td>Intune</td><td>[Open me](https://evil.example) &lt;script&gt;alert(1)&lt;/script&gt; =cmd|calc</td>',
    );
    expect(page.text).not.toContain('<script>');
    expect(page.text).toContain('<td>2533</td><td>Azure AD Premium – Technical Workshop</td>');
  });

  it('exports the tasks and Key Outputs as a CSV that parses into the right rows, formulas made inert', async () => {
    const [card] = await say(people.customer, 'report');
    const link = new URL(openUrl(card, 'Open the report'));
    const csv = await fetchPage(`${link.origin}${link.pathname}/csv${link.search}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      `attachment; filename="Contoso security workshops report 2026-12-04.csv"; filename*=UTF-8''Contoso%20security%20workshops%20report%202026-12-04.csv`,
    );
    const rows = parseCsv(csv.text);
    expect(rows[0]).toEqual([
      'Section',
      'Workshop or area',
      'Task',
      'Name',
      'Mandatory',
      'Status or answer',
      'Date',
      'By',
      'Reason or note',
    ]);
    expect(rows.filter((r) => r[0] === 'Task')).toHaveLength(seedPlaybook.workshops.flatMap((w) => w.tasks).length);
    expect(rows.find((r) => r[2] === '2533')?.slice(5, 8)).toEqual(['Done', '2026-12-04', 'Sam']);
    expect(rows.filter((r) => r[0] === 'Key Output')).toEqual([
      ['Key Output', 'AADP', '', '', '', 'Enabled', '2026-12-01', 'Chris', `'${FORMULA}`],
      ['Key Output', 'Intune', '', '', '', 'Not planned', '2026-12-04', 'Chris', HOSTILE_REASON],
    ]);
    expect(csv.text).not.toMatch(/(^|,)"=/m);
  });

  it('starts the CSV with a byte order mark, so that Excel reads its dashes and accents as UTF-8', async () => {
    const [card] = await say(people.customer, 'report');
    const link = new URL(openUrl(card, 'Open the report'));
    const bytes = Buffer.from(await (await fetch(`${link.origin}${link.pathname}/csv${link.search}`)).arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toMatch(/^"Section","Workshop or area",/);
  });

  it('refuses a tampered link with one short page and no data', async () => {
    const [card] = await say(people.customer, 'report');
    const link = new URL(openUrl(card, 'Open the report'));
    link.searchParams.set('x', String(Number(link.searchParams.get('x')) + 86_400 * 30));
    const page = await fetchPage(link.toString());
    expect(page.status).toBe(403);
    expect(page.text).toContain('This link does not open a report');
    expect(page.text).not.toContain('Contoso');
    const other = await fetchPage(
      openUrl(card, 'Open the report').replace(engagementId, 'eng-00000000000000000000000000000000'),
    );
    expect(other.status).toBe(404);
  });

  it('refuses a link after its 7 days', async () => {
    const [card] = await say(people.customer, 'report');
    clock.set('2026-12-11T11:30:00Z');
    try {
      const page = await fetchPage(openUrl(card, 'Open the report'));
      expect(page.status).toBe(410);
      expect(page.text).toContain('This link has expired');
      expect(page.text).not.toContain('Intune');
    } finally {
      clock.set('2026-12-04T10:00:00Z');
    }
  });

  it('a FastTrack Manager revokes every link given so far; a customer cannot', async () => {
    const [card] = await say(people.customer, 'report');
    const old = openUrl(card, 'Open the report');
    const [managers] = await say(people.manager, 'report');
    expect(buttonsOf(managers!)).toEqual(['Open the report', 'Revoke all report links']);
    const refused = await act(people.customer, 'report.revoke');
    expect(JSON.stringify(refused)).toContain('Only FastTrack Manager can do that here. Nothing was changed.');
    expect((await fetchPage(old)).status).toBe(200);
    const revoked = await act(people.manager, 'report.revoke');
    expect(texts(revoked.value)).toContain(
      'Every earlier link to this report no longer opens it. The link on this card is new: share it again where it is needed.',
    );
    expect((await fetchPage(old)).status).toBe(403);
    const fresh = openUrl(revoked.value, 'Open the report');
    expect(fresh).toContain('&g=1&');
    expect((await fetchPage(fresh)).status).toBe(200);
  });

  it('answers 404 to every link of a deleted engagement', async () => {
    const [card] = await say(people.manager, 'report');
    const link = openUrl(card, 'Open the report');
    const [confirm] = await say(people.manager, 'delete engagement');
    const requestId = JSON.stringify(confirm).match(/"requestId":"([0-9a-f-]+)"/)?.[1] ?? '';
    await act(people.manager, 'engagement.delete', { requestId });
    const page = await fetchPage(link);
    expect(page.status).toBe(404);
    expect(page.text).toContain('This report is not available');
  });
});

/** RFC 4180: quoted fields, "" for a quote, CRLF between records. */
function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1]!.replace(/""/g, '"')));
}
