import type { Page } from 'playwright-core';
import type { Playground } from '../../src/devtools/playground';
import { engagementIdFor } from '../../src/domain/engagement';
import { openSqliteStores } from '../../src/store/sqliteStores';
import type { BotHarness } from '../fixtures/botHarness';
import { cardShot, screenshot } from '../fixtures/browser';
import { testClock } from '../fixtures/clock';
import { invokeAs, type PlaygroundConfig } from '../fixtures/playgroundApi';
import { openPlayground, type PlaygroundSession } from '../fixtures/playgroundSession';
import { linesOnceShowing, playgroundUi } from '../fixtures/playgroundUi';

jest.setTimeout(180000);

let session: PlaygroundSession;
let harness: BotHarness;
let playground: Playground;
let page: Page;
let config: PlaygroundConfig;
const clock = testClock('2026-11-30T10:00:00Z');

beforeAll(async () => {
  session = await openPlayground(clock.now);
  ({ harness, playground, page, config } = session);
});

afterAll(async () => {
  await session?.close();
});

const ui = () => playgroundUi(page, config);
const HOSTILE_FEATURE = '[Verify your account](https://evil.example/login) **now**';
const outputsCard = () => ui().outputsCard();
const inputsCard = () =>
  page
    .locator('.ac-adaptiveCard')
    .filter({ hasText: 'M365 Security Conversation completed' })
    .filter({ hasText: /Not confirmed|Confirmed by/ })
    .last();
const summaryCard = () => ui().summaryCard();

/** The engagement as stored, to act as other people through the Playground's API where the page cannot. */
async function stored() {
  const store = openSqliteStores(harness.dataDir);
  try {
    return (await store.engagements.get(engagementIdFor(config.tenantId, config.teams[0]!.channels[0]!.id)))!.value;
  } finally {
    await store.close();
  }
}

type Answer = 'Enabled' | 'Not planned';

/** Fills the contact's own copy of the Key Outputs form, row by row, then saves it all at once. */
async function answerAreas(rows: [area: string, answer: Answer, text?: string][], newFeature = ''): Promise<void> {
  await ui().ownCopy(outputsCard(), 'Save answers');
  const form = outputsCard();
  for (const [area, answer, text = ''] of rows) {
    const row = ui().formRow(form, area);
    await row.getByRole('combobox').click();
    await page.getByRole('option', { name: answer, exact: true }).click();
    if (text) await row.getByRole('textbox').fill(text);
  }
  if (newFeature) {
    await form.getByRole('button', { name: 'Details', exact: true }).click();
    await form.getByPlaceholder('Another feature enabled per your organizational policy').fill(newFeature);
  }
  await form.getByRole('button', { name: 'Save answers' }).click();
}

describe("the customer's side, in a team channel of the Agents Playground", () => {
  it('after setup the Key Inputs card lists what the workshops need, and staff confirm them', async () => {
    await page.getByText('General').first().click();
    const setup = ui().card('Set up an engagement');
    await ui().pick(setup, 0, ui().userNamed('Megan').name);
    await ui().pick(setup, 1, ui().userNamed('Adele').name);
    await ui().pick(setup, 2, config.currentUser.name);
    await ui().pick(setup, 3, config.currentUser.name);
    await setup.getByLabel('Customer name').fill('Fabrikam');
    await setup.getByRole('button', { name: 'Start the engagement' }).click();
    await inputsCard().waitFor();
    await ui().workshopCard('Device Security').getByText('2 Key Inputs not confirmed yet', { exact: false }).waitFor();
    await expect(inputsCard().getByRole('button', { name: 'Confirm' }).count()).resolves.toBe(0);
    await ui().ownCopy(inputsCard(), 'Confirm');
    await inputsCard().getByRole('button', { name: 'Confirm' }).first().click();
    await ui().sharedCopy(inputsCard(), `✔ Confirmed by ${config.currentUser.name}`, 'Confirm');
    await ui().ownCopy(inputsCard(), 'Confirm');
    await inputsCard().getByRole('button', { name: 'Confirm' }).first().click();
    await inputsCard().getByText('Every Key Input is confirmed', { exact: false }).waitFor();
    await screenshot(page, 'customer-1-key-inputs');
  });

  it('a customer contact answers every area in one pass; a Not planned row without its reason is named', async () => {
    await summaryCard().getByText('all confirmed').waitFor();
    await ui().ownCopy(summaryCard(), 'Key Outputs');
    await summaryCard().getByRole('button', { name: 'Key Outputs' }).click();
    await outputsCard().getByText('0 of 10 areas answered; not signed off yet.').waitFor();
    expect(await cardShot(outputsCard(), 'key-outputs-shared')).toBeLessThanOrEqual(600);
    await ui().ownCopy(outputsCard(), 'Save answers');
    expect(await cardShot(outputsCard(), 'key-outputs-unanswered')).toBeLessThanOrEqual(600);
    // The form's inputs have no visible labels: a screen reader names each by its area.
    const named = (role: 'combobox' | 'textbox', name: string) =>
      outputsCard().getByRole(role, { name, exact: true }).count();
    await expect(named('combobox', 'Answer for AADP')).resolves.toBe(1);
    await expect(named('textbox', 'Reason if not planned, or a note, for OneDrive for Business')).resolves.toBe(1);
    await answerAreas([
      ['AADP', 'Not planned'],
      ['Intune', 'Enabled', 'All laptops enrolled'],
    ]);
    const refused = await linesOnceShowing(outputsCard(), 'Not saved:');
    expect(refused.join('\n')).toContain(
      'Not saved: AADP. Please check the reason: it is required for an area the customer does not plan to enable. The other answers are saved.',
    );
    expect(refused).toContain('1 of 10 areas answered; not signed off yet.');
    expect((await stored()).outputs?.answers.map((a) => a.area)).toEqual(['Intune']);
    await screenshot(page, 'customer-2-reason-required');
    // Intune's answer reached everyone's copy, which the Playground shows in place of the contact's own; on
    // her refreshed copy she answers AADP again, with its reason.
    await ui().sharedCopy(outputsCard(), '1 of 10 areas answered; not signed off yet.', 'Save answers');
    await answerAreas([['AADP', 'Not planned', 'No Azure AD Premium P2 licences this year']]);
    await ui().sharedCopy(outputsCard(), '2 of 10 areas answered; not signed off yet.', 'Save answers');
    await ui().ownCopy(outputsCard(), 'Save answers');
    await screenshot(page, 'customer-3-answers');
  });

  it('a feature the contact writes as a link shows as text for everyone, not as a link', async () => {
    await answerAreas([], HOSTILE_FEATURE);
    await ui().sharedCopy(outputsCard(), '3 of 11 areas answered', 'Save answers');
    const shared = outputsCard();
    expect(await cardShot(shared, 'key-outputs-typed-link')).toBeLessThanOrEqual(600);
    // What shows is what was typed; invisible word joiners keep a renderer from making the address a link.
    await shared
      .getByText(/\[Verify your account\]\(https:\u2060?\/\/evil\u2060?\.example\/login\) \*\*now\*\*/)
      .waitFor();
    await expect(shared.locator('a[href*="evil.example"]').count()).resolves.toBe(0);
    // The area's name is bold as every area's is; nothing inside it became emphasis of its own.
    await expect(shared.locator('strong strong, strong em, em').count()).resolves.toBe(0);
  });

  it('once every area is answered the contact signs off, and the summary shows the outputs', async () => {
    const engagement = await stored();
    const answered = new Set(engagement.outputs?.answers.map((a) => a.area));
    const rest = engagement.servicesInScope.filter((s) => !answered.has(s));
    await answerAreas(rest.map((area): [string, Answer] => [area, 'Enabled']));
    await ui().sharedCopy(outputsCard(), 'All 11 areas answered.', 'Save answers');
    await ui().ownCopy(outputsCard(), 'Sign off');
    // Sign off is the next thing to do, so it comes first: right under the status line.
    const lines = await linesOnceShowing(outputsCard(), 'Sign off');
    expect(lines.indexOf('Sign off')).toBe(lines.indexOf('All 11 areas answered.') + 1);
    expect(await cardShot(outputsCard(), 'key-outputs')).toBeLessThanOrEqual(600);
    await outputsCard().getByRole('button', { name: 'Sign off' }).click();
    await outputsCard().getByText(`Signed off by ${config.currentUser.name}`, { exact: false }).waitFor();
    expect(await cardShot(outputsCard(), 'key-outputs-signed-off')).toBeLessThanOrEqual(600);
    const summary = summaryCard();
    const toggle = summary.getByRole('button', { name: 'Show the Key Outputs record' });
    await toggle.waitFor();
    expect(await cardShot(summary, 'summary-signed-off')).toBeLessThanOrEqual(600);
    await toggle.click();
    const record = (await linesOnceShowing(summary, 'No Azure AD Premium P2 licences this year')).join('\n');
    expect(record).toContain("Areas the customer doesn't plan to enable, with the reasons why");
    expect(record).toContain('No Azure AD Premium P2 licences this year');
    expect(record).toContain('The Next Steps open once the workshops are finished');
    expect(record).toContain('Hide the Key Outputs record');
    await screenshot(page, 'customer-4-signed-off');
  });

  it('when every mandatory task is done the summary offers the Next Steps, and choosing one completes it', async () => {
    const engagement = await stored();
    const device = engagement.posts.find((p) => p.card === 'workshop:Device Security')!;
    for (const task of engagement.tasks.filter((t) => t.mandatory && t.status === 'notStarted')) {
      await invokeAs(playground.url, {
        from: config.currentUser.id,
        conversationId: engagement.conversationId,
        replyToId: device.activityId,
        verb: 'task.complete',
        data: { engagementId: engagement.id, taskId: task.id },
      });
    }
    const summary = summaryCard();
    await summary.getByText('If no workshops are required, proceed to Address Technical Gaps.').waitFor();
    await ui().ownCopy(summary, 'Choose: Conduct Services Workshops');
    await screenshot(page, 'customer-5-next-steps');
    // The next action comes first: the Next Steps sit right under the headline, and the card fits a screen.
    const lines = await linesOnceShowing(summary, 'Next Steps');
    expect(lines.slice(2, 4)).toEqual(['All 7 mandatory tasks done.', 'Next Steps: the FastTrack Manager chooses one']);
    expect(await cardShot(summary, 'summary-next-steps')).toBeLessThanOrEqual(600);
    await summary.getByRole('button', { name: 'Choose: Address Technical Gaps' }).click();
    const done = (await linesOnceShowing(summaryCard(), 'This engagement is complete')).join('\n');
    expect(done).toContain(
      'This engagement is complete: If no workshops are required, proceed to Address Technical Gaps.',
    );
    expect(done).toContain('Complete: ');
    expect(done).not.toContain('Choose: ');
    expect(await cardShot(summaryCard(), 'summary-complete')).toBeLessThanOrEqual(600);
    expect((await stored()).completion?.nextStep).toBe(
      'If no workshops are required, proceed to Address Technical Gaps.',
    );
    await screenshot(page, 'customer-6-complete');
  });
});
