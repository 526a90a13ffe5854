import type { Browser, Page } from 'playwright-core';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { accessibilityViolations } from '../fixtures/accessibility';
import { launchBrowser, loopbackPage, screenshot } from '../fixtures/browser';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { people } from '../fixtures/engagement';
import { PORTFOLIO_DAY, portfolioEngagements } from '../fixtures/portfolioSeed';
import { tempDirs } from '../fixtures/tempDirs';

jest.setTimeout(60_000);

let harness: BotHarness;
let browser: Browser;
let page: Page;
const engagements = portfolioEngagements();
const scripts: number[] = [];

beforeAll(async () => {
  const dataDir = tempDir();
  const stores = openSqliteStores(dataDir);
  for (const engagement of engagements) await stores.engagements.create(engagement);
  await stores.close();
  harness = await startHarness({ DATA_DIR: dataDir }, { now: () => PORTFOLIO_DAY });
  browser = await launchBrowser();
  page = await loopbackPage(browser);
  page.on('response', async (response) => {
    if (response.request().resourceType() === 'script') scripts.push((await response.body()).length);
  });
});
afterAll(async () => {
  await browser?.close();
  await harness?.stop();
});
// Declared after the hook that stops the bot: hooks run in that order, so the bot's files go last.
const tempDir = tempDirs('portfolio-e2e-');

const open = async (user: string, theme = 'default') => {
  await page.goto(`${harness.bot.url}/tabs/portfolio?user=${user}&theme=${theme}`);
  await page.locator('main[aria-busy="false"]').waitFor();
};
const customers = () => page.locator('tbody th a').allInnerTexts();
const press = (group: string, choice: string) =>
  page.getByRole('group', { name: group }).getByRole('button', { name: choice, exact: true }).click();

describe("the FastTrack Manager's portfolio tab, in Chromium", () => {
  it('lists the engagements they hold a role in, those they manage and most at risk first, with the overdue tasks and owners', async () => {
    await open(people.manager.aadObjectId!);
    await expect(page.locator('.banner').innerText()).resolves.toBe(
      "Development mode: showing Maria's portfolio without Teams sign-in (local use only).",
    );
    await expect(customers()).resolves.toEqual(['Contoso', 'Adatum', 'Fabrikam']);
    const contoso = page.locator('tbody tr').first();
    await expect(contoso.locator('td').nth(0).innerText()).resolves.toContain(
      'Device Security\n1/4\n27 Nov 2026 · overdue',
    );
    await expect(contoso.locator('ul.overdue li').allInnerTexts()).resolves.toEqual([
      '2460 Intune - Conduct Microsoft Intune Workshop: 5 days late (Maria)',
      '4084 Intune - Conduct Microsoft Modern Management Assessment: 5 days late (Sam)',
      '4078 MDATP – Position MDATP over 3rd Party AV: 5 days late (Sam)',
    ]);
    await expect(contoso.locator('td').nth(2).innerText()).resolves.toBe('27 Nov 2026');
    await expect(contoso.locator('td').nth(3).innerText()).resolves.toBe('1 of 2 open');
    await expect(page.locator('caption').innerText()).resolves.toBe('3 of 4 engagements');
    await screenshot(page, 'portfolio-1-light');
  });

  it('the deep link of each customer opens its channel in Teams', async () => {
    const href = await page.locator('tbody th a', { hasText: 'Contoso' }).getAttribute('href');
    expect(href).toBe(
      `https://teams.microsoft.com/l/channel/${encodeURIComponent(engagements[0]!.channelId)}/Contoso?tenantId=tenant-contoso&groupId=00000000-0000-0000-0000-0000000000aa`,
    );
  });

  it('sorts by customer and by due date, and filters by role and by open or complete', async () => {
    await press('Sort by', 'Customer');
    await expect(customers()).resolves.toEqual(['Adatum', 'Contoso', 'Fabrikam']);
    await press('Sort by', 'Due date');
    await expect(customers()).resolves.toEqual(['Contoso', 'Adatum', 'Fabrikam']);
    await press('Role', 'SME');
    await expect(customers()).resolves.toEqual(['Fabrikam']);
    await press('Role', 'All roles');
    await press('Show', 'Complete');
    await expect(customers()).resolves.toEqual(['Northwind Traders']);
    await expect(page.locator('tbody tr td').last().innerText()).resolves.toMatch(
      /^Complete: Based on identified workloads/,
    );
    await press('Show', 'All');
    await expect(page.locator('caption').innerText()).resolves.toBe('4 of 4 engagements');
    await expect(
      page
        .getByRole('group', { name: 'Show' })
        .getByRole('button', { name: 'All', exact: true })
        .getAttribute('aria-pressed'),
    ).resolves.toBe('true');
  });

  it('can be used from the keyboard alone', async () => {
    await page.getByRole('group', { name: 'Sort by' }).getByRole('button', { name: 'Risk' }).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(customers()).resolves.toEqual(['Adatum', 'Contoso', 'Fabrikam', 'Northwind Traders']);
  });

  it('draws the done-per-week chart and the target dates, and follows the dark theme', async () => {
    await open(people.manager.aadObjectId!, 'dark');
    await expect(page.locator('figure svg').first().locator('rect').count()).resolves.toBe(9);
    await expect(page.locator('figure svg').nth(1).locator('circle').count()).resolves.toBe(9);
    await expect(page.locator('body').getAttribute('data-theme')).resolves.toBe('dark');
    const background = await page.locator('body').evaluate('(body) => getComputedStyle(body).backgroundColor');
    expect(background).not.toBe('rgb(250, 250, 250)');
    await screenshot(page, 'portfolio-2-dark');
    await open(people.manager.aadObjectId!, 'contrast');
    await screenshot(page, 'portfolio-3-high-contrast');
  });

  it('shows a customer contact no engagement, and keeps its script under 200 KB', async () => {
    await open(people.customer.aadObjectId!);
    await expect(page.locator('caption').innerText()).resolves.toBe('No engagement matches (0 in all)');
    expect(Math.max(...scripts)).toBeLessThan(200 * 1024);
  });

  it('meets WCAG 2.1 AA, as axe checks it, in the light, dark and high-contrast themes', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      await open(people.manager.aadObjectId!, theme);
      await expect(accessibilityViolations(page)).resolves.toEqual([]);
    }
  });
});

describe("the customer's report, in Chromium", () => {
  it('shows the not-planned areas with their reasons on screen, and prints without the download line', async () => {
    const northwind = engagements[2]!;
    const url = await reportUrlOf(northwind.id);
    await page.goto(url);
    await expect(page.locator('section.notPlanned tbody tr').allInnerTexts()).resolves.toEqual([
      'MDATP\tAnother antivirus until 2027',
    ]);
    await screenshot(page, 'report-1-screen');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.screen').isVisible()).resolves.toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'report-2-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it("lines up the columns of every workshop's tasks, whatever their names", async () => {
    await page.goto(await reportUrlOf(engagements[2]!.id));
    for (const media of ['screen', 'print'] as const) {
      await page.emulateMedia({ media });
      const lefts = await page
        .locator('section.workshop table')
        .evaluateAll((tables) =>
          tables.map((table) =>
            [...table.querySelectorAll('th')].map((th) => Math.round(th.getBoundingClientRect().left)),
          ),
        );
      expect(lefts).toHaveLength(3);
      expect(new Set(lefts.map((row) => row.join(' '))).size).toBe(1);
    }
    await page.emulateMedia({ media: 'screen' });
  });

  it('meets WCAG 2.1 AA, as axe checks it, and so does the page of a link that no longer opens it', async () => {
    const url = await reportUrlOf(engagements[2]!.id);
    await page.goto(url);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    const refused = await page.goto(url.replace(/([?&]s=)[^&]+/, '$1' + 'A'.repeat(43)));
    expect(refused?.status()).toBe(403);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
  });

  it('names every column of the tasks for a screen reader', async () => {
    await page.goto(await reportUrlOf(engagements[2]!.id));
    const headers = page.locator('section.workshop').first().getByRole('columnheader');
    await expect(headers.allTextContents()).resolves.toEqual([
      'ID',
      'Task',
      'Mandatory or optional',
      'Status',
      'Last changed',
      'Reason or note',
    ]);
  });
});

/** The link the `report` command gives a FastTrack Manager of the engagement. */
async function reportUrlOf(engagementId: string): Promise<string> {
  const engagement = engagements.find((e) => e.id === engagementId)!;
  harness.connector.clear();
  await harness.post({
    type: 'message',
    text: '<at>Security Workshops</at> report',
    from: people.manager,
    recipient: { id: '28:security-workshops-bot', name: 'Security Workshops' },
    conversation: { id: engagement.conversationId, conversationType: 'channel', tenantId: engagement.tenantId },
    channelData: { tenant: { id: engagement.tenantId }, channel: { id: engagement.channelId } },
    serviceUrl: harness.connector.serviceUrl,
    channelId: 'msteams',
    id: 'report-1',
  });
  return JSON.stringify(harness.connector.sent).match(/"url":"(http:[^"]+\/report\/[^"]+)"/)?.[1] ?? '';
}
