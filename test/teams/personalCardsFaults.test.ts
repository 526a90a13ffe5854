import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PeopleDirectory } from '../../src/app/people';
import { createLogger } from '../../src/logger';
import { Metrics } from '../../src/metrics';
import { openSqliteStores } from '../../src/store/sqliteStores';
import { PersonalCards } from '../../src/teams/cards/personalCards';
import { CardRenderer } from '../../src/teams/cards/renderer';
import { BotConnector } from '../../src/teams/outbound/botConnector';
import { ConnectorHttp } from '../../src/teams/outbound/connectorHttp';
import { OutboundQueue } from '../../src/teams/outbound/outboundQueue';

it('a store that fails while the 1:1 cards are looked up is logged, and the process goes on', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'personal-cards-'));
  const stores = openSqliteStores(dir);
  const policy = { leadDays: 5, escalateAfterDays: 3, hour: 9 };
  const people = new PeopleDirectory({
    reminders: stores.reminders,
    now: () => new Date(),
    policy,
    defaultTimeZone: 'UTC',
  });
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger('warn', { write: (line: string) => void lines.push(JSON.parse(line)) });
  const queue = new OutboundQueue(logger, new Metrics());
  const renderer = new CardRenderer();
  const personal = new PersonalCards({
    people,
    queue,
    connector: new BotConnector(new ConnectorHttp(async () => undefined, { timeoutMs: 1000, maxSockets: 1 })),
    render: async () => renderer.attachment('notice', { title: 'T', text: 'x' }),
    pointer: renderer.attachment('notice', { title: 'Moved', text: 'x' }),
    logger,
  });
  await stores.close();
  try {
    personal.schedule(['aad-sam']);
    await personal.queued();
    expect(lines).toEqual([expect.objectContaining({ msg: 'could not read whose 1:1 cards to update', people: 1 })]);
    expect(queue.size).toBe(0);
  } finally {
    personal.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
