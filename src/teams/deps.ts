import type { EngagementStore } from '../app/ports';
import type { Logger } from '../logger';
import type { Catalog } from '../playbook/catalog';
import type { CardRenderer } from './cards';

/** What every handler may use; passed in, never imported as a singleton. */
export interface BotDeps {
  catalog: Catalog;
  store: EngagementStore;
  cards: CardRenderer;
  logger: Logger;
  now: () => Date;
  /** When set, turns from any other tenant are refused. */
  allowedTenantId?: string;
}
