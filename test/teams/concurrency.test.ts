import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { engagementIdFor } from '../../src/domain/engagement';
import { parsePlaybook } from '../../src/playbook/parse';
import { cardAction, CHANNEL, rosterOf, TENANT } from '../fixtures/activities';
import { startHarness, type BotHarness } from '../fixtures/botHarness';
import { taskStatus, type Card } from '../fixtures/cardText';
import { startLocalCosmos, type LocalCosmos } from '../fixtures/cosmosServer';
import { person } from '../fixtures/engagement';
import { playbookMarkdown, task } from '../fixtures/playbookMarkdown';
import { setupInputs } from '../fixtures/setupChannel';

jest.setTimeout(60000);

const COUNT = 20;
const staff = Array.from({ length: COUNT }, (_, i) => person(`Sme${i + 1}`));
const markdown = playbookMarkdown('Wide', [
  {
    name: 'Wide',
    primaryRole: 'SME',
    appliesTo: 'Teams',
    rows: staff.map((_, i) => task(`${9100 + i}`, { role: 'SME' })),
  },
]);
const playbook = parsePlaybook('wide.md', markdown);
const engagementId = engagementIdFor(TENANT, CHANNEL);

type InvokeBody = { statusCode: number; type: string; value: unknown };

describe.each([
  ['SQLite', false],
  ['Cosmos DB', true],
])('%s: 20 people acting on 20 different tasks of one engagement at the same moment', (_store, cosmos) => {
  let harness: BotHarness;
  let local: LocalCosmos | undefined;
  let playbooks: string;

  beforeAll(async () => {
    playbooks = mkdtempSync(join(tmpdir(), 'wide-'));
    writeFileSync(join(playbooks, 'wide.md'), markdown);
    local = cosmos ? await startLocalCosmos() : undefined;
    const storeEnv: Record<string, string> = local
      ? { COSMOS_ENDPOINT: local.endpoint, COSMOS_KEY: local.key, COSMOS_DATABASE: 'concurrency' }
      : {};
    harness = await startHarness({ PLAYBOOKS_DIR: playbooks, ...storeEnv });
    harness.connector.members = rosterOf(staff);
    const inputs = setupInputs(playbook, { roles: { SME: staff }, contacts: [] });
    await harness.post(cardAction(harness.connector.serviceUrl, staff[0]!, 'setup.submit', inputs));
  });

  afterAll(async () => {
    await harness.stop();
    await local?.stop();
    rmSync(playbooks, { recursive: true, force: true });
  });

  it('keeps all 20 changes', async () => {
    const responses = await Promise.all(
      staff.map((who, i) =>
        harness.post(
          cardAction(harness.connector.serviceUrl, who, 'task.complete', { engagementId, taskId: `${9100 + i}` }),
        ),
      ),
    );
    expect(responses.map((r) => (r.body as InvokeBody).type)).toEqual(
      Array(COUNT).fill('application/vnd.microsoft.card.adaptive'),
    );
    const refresh = await harness.post(
      cardAction(harness.connector.serviceUrl, staff[0]!, 'task.reopen', { engagementId, taskId: '9100' }),
    );
    const card = (refresh.body as InvokeBody).value as Card;
    const statuses = staff.map((_, i) => taskStatus(card, `${9100 + i}`));
    expect(statuses).toEqual(['◐ In progress', ...Array(COUNT - 1).fill('✔ Done')]);
  });
});
