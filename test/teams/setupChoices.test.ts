import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { botAddedToTeam, cardAction, rosterOf } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { cardsIn, texts, type Card } from '../fixtures/cardText';
import { people } from '../fixtures/engagement';
import { playbookMarkdown, task } from '../fixtures/playbookMarkdown';
import { setUpChannel } from '../fixtures/setupChannel';

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe('with two playbooks loaded', () => {
  let harness: BotHarness;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'playbooks-'));
    cpSync(join(__dirname, '../../playbooks'), dir, { recursive: true });
    const rows = [task('9001', { role: 'SME' })];
    writeFileSync(
      join(dir, 'adopt-teams.md'),
      playbookMarkdown('Adopt Teams', [{ name: 'Meetings', primaryRole: 'SME', appliesTo: 'Teams', rows }]),
    );
    harness = await startHarness({ PLAYBOOKS_DIR: dir });
    harness.connector.members = rosterOf(Object.values(people));
  });
  afterAll(async () => {
    await harness.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("the setup first asks which playbook, then shows that playbook's setup", async () => {
    await harness.post(botAddedToTeam(harness.connector.serviceUrl, people.manager));
    const [, choose] = cardsIn(harness.connector.sent.map((s) => s.body));
    expect(texts(choose)).toEqual(
      expect.arrayContaining([
        'Set up an engagement',
        'Which playbook does this customer work through?',
        'Adopt Teams',
        'Conduct Security Workshops',
      ]),
    );
    const response = await harness.post(
      cardAction(harness.connector.serviceUrl, people.manager, 'setup.choosePlaybook', { playbookId: 'adopt-teams' }),
    );
    const setup = (response.body as InvokeBody).value as Card;
    expect(texts(setup)).toEqual(
      expect.arrayContaining(['Set up an engagement', 'Adopt Teams', 'Target dates', 'Meetings', 'Teams']),
    );
    expect(JSON.stringify(setup)).toContain('"playbookId":"adopt-teams"');
  });

  it('refuses a playbook that is not loaded', async () => {
    const response = await harness.post(
      cardAction(harness.connector.serviceUrl, people.manager, 'setup.choosePlaybook', {
        playbookId: '../../etc/passwd',
      }),
    );
    expect((response.body as InvokeBody).value).toEqual({
      code: 'BadRequest',
      message: 'That playbook is not loaded.',
    });
  });
});

describe('settings from the summary card', () => {
  let harness: BotHarness;
  let engagementId: string;
  beforeAll(async () => {
    harness = await startHarness();
    await setUpChannel(harness);
    engagementId = JSON.stringify(harness.connector.sent).match(/"engagementId":"(eng-[0-9a-f]+)"/)?.[1] ?? '';
  });
  afterAll(async () => {
    await harness.stop();
  });
  beforeEach(() => harness.connector.clear());

  it('the FastTrack Manager gets the settings form as a new message, and the summary stays a summary', async () => {
    const response = await harness.post(
      cardAction(harness.connector.serviceUrl, people.manager, 'settings.open', { engagementId }),
    );
    expect(texts((response.body as InvokeBody).value)[1]).toBe('Contoso');
    const [form] = cardsIn(harness.connector.sent.map((s) => s.body));
    expect(texts(form)[0]).toBe('Settings for Contoso');
    expect(JSON.stringify(form)).toContain('"verb":"settings.save"');
  });

  it('anyone else is told only the FastTrack Manager can, and gets no form', async () => {
    const response = await harness.post(
      cardAction(harness.connector.serviceUrl, people.engineer, 'settings.open', { engagementId }),
    );
    expect((response.body as InvokeBody).value).toBe('Only FastTrack Manager can do that here. Nothing was changed.');
    expect(harness.connector.sent).toEqual([]);
  });
});
