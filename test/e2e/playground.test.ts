import type { Browser, Page } from 'playwright-core';
import { startPlayground, type Playground } from '../../src/devtools/playground';
import { launchBrowser, loopbackPage, screenshot } from '../fixtures/browser';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { linesOnceShowing } from '../fixtures/playgroundUi';

jest.setTimeout(120000);

let harness: BotHarness;
let playground: Playground;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  harness = await startHarness();
  playground = await startPlayground(`${harness.bot.url}/api/messages`);
  browser = await launchBrowser();
  page = await loopbackPage(browser);
  await page.goto(playground.url);
  await page.getByText('Hello, there').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await playground?.stop();
  await harness?.stop();
});

const COMPOSER = '[contenteditable="true"][role="textbox"]';

async function say(text: string): Promise<void> {
  await page.locator(COMPOSER).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

describe('the bot in the Microsoft 365 Agents Playground', () => {
  it('shows the three workshop cards with all eleven tasks when someone types "workshops"', async () => {
    await page.locator(COMPOSER).waitFor();
    await say('workshops');
    const cards = page.locator('.ac-adaptiveCard');
    const greeting = await cards.count();
    await cards.nth(greeting + 2).waitFor();
    await screenshot(page, 'workshops-in-personal-chat');
    const texts = (await cards.allInnerTexts()).slice(greeting);
    expect(
      texts.map(
        (t) =>
          t
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)[1],
      ),
    ).toEqual(['Identity Security', 'Device Security', 'Information Security']);
    const all = texts.join('\n');
    expect(all.match(/\b\d{4} · /g)).toHaveLength(11);
    expect(all).toContain('MDATP – Position MDATP over 3rd Party AV');
  });

  it('answers "help" with its commands', async () => {
    await say('help');
    const help = page.locator('.ac-adaptiveCard').filter({ hasText: 'What I can do and how to ask.' }).last();
    const text = (await linesOnceShowing(help, 'What I can do and how to ask.')).join('\n');
    for (const command of ['workshops', 'my tasks', 'help']) expect(text).toContain(command);
    await screenshot(page, 'help-in-personal-chat');
  });
});
