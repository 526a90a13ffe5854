import type { Page } from 'playwright-core';
import { engagementIdFor } from '../../src/domain/engagement';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { cardShot, screenshot } from '../fixtures/browser';
import { testClock } from '../fixtures/clock';
import type { PlaygroundConfig } from '../fixtures/playgroundApi';
import { openPlayground, type PlaygroundSession } from '../fixtures/playgroundSession';
import { linesOnceShowing, playgroundUi } from '../fixtures/playgroundUi';

jest.setTimeout(180000);

// The page acts as Lynne Robbins, as `npm run dev -- --as Lynne` makes it: a customer contact and nothing else.
let session: PlaygroundSession;
let page: Page;
let config: PlaygroundConfig;
const clock = testClock('2026-11-30T10:00:00Z');

beforeAll(async () => {
  session = await openPlayground(clock.now, 'Lynne');
  ({ page, config } = session);
});

afterAll(async () => {
  await session?.close();
});

const ui = () => playgroundUi(page, config);
const outputsCard = () => ui().outputsCard();

async function stored() {
  const store = openSqliteStores(session.harness.dataDir);
  try {
    const id = engagementIdFor(config.tenantId, config.teams[0]!.channels[0]!.id);
    return (await store.engagements.get(id))!.value;
  } finally {
    await store.close();
  }
}

describe("the customer contact's side, with the Playground acting as the contact (npm run dev -- --as Lynne)", () => {
  it('the page is Lynne, and the engagement is set up with her as its customer contact', async () => {
    expect(config.currentUser.name).toBe('Lynne Robbins');
    await page.getByText('General').first().click();
    const setup = ui().card('Set up an engagement');
    await ui().pick(setup, 0, ui().userNamed('Megan').name);
    await ui().pick(setup, 1, ui().userNamed('Adele').name);
    await ui().pick(setup, 2, ui().userNamed('Alex').name);
    await ui().pick(setup, 3, config.currentUser.name);
    await setup.getByLabel('Customer name').fill('Northwind');
    await setup.getByRole('button', { name: 'Start the engagement' }).click();
    await ui().card('Engagement started').waitFor();
    expect((await stored()).customerContacts.map((c) => c.name)).toEqual(['Lynne Robbins']);
  });

  it('her own copy of a workshop card offers no staff buttons, and the Key Outputs are hers to answer', async () => {
    await ui().ownCopy(ui().workshopCard('Device Security'), 'Refresh');
    await expect(ui().workshopCard('Device Security').getByRole('button', { name: 'Start' }).count()).resolves.toBe(0);
    await ui().ownCopy(ui().summaryCard(), 'Key Outputs');
    await ui().summaryCard().getByRole('button', { name: 'Key Outputs' }).click();
    await ui().ownCopy(outputsCard(), 'Save answers');
    for (const area of (await stored()).servicesInScope) {
      const row = ui().formRow(outputsCard(), area);
      await row.getByRole('combobox').click();
      await page.getByRole('option', { name: area === 'AADP' ? 'Not planned' : 'Enabled', exact: true }).click();
      if (area === 'AADP') await row.getByRole('textbox').fill('No P2 licences this year');
    }
    await outputsCard().getByRole('button', { name: 'Save answers' }).click();
    await ui().sharedCopy(outputsCard(), '10 of 10 areas answered; not signed off yet.', 'Save answers');
    await ui().ownCopy(outputsCard(), 'Sign off');
    const answered = await linesOnceShowing(outputsCard(), 'Sign off');
    expect(answered).toContain('All 10 areas answered.');
    expect(await cardShot(outputsCard(), 'key-outputs-all-answered')).toBeLessThanOrEqual(600);
    await screenshot(page, 'as-customer-1-answered');
    await outputsCard().getByRole('button', { name: 'Sign off' }).click();
    await outputsCard().getByText('Signed off by Lynne Robbins', { exact: false }).waitFor();
    expect((await stored()).outputs?.signedOff?.by.name).toBe('Lynne Robbins');
    await screenshot(page, 'as-customer-2-signed-off');
  });
});
