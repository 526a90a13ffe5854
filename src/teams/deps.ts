import type { Digests } from '../app/digests';
import type { ReportLinks } from '../app/reportLinks';
import type { PeopleDirectory } from '../app/people';
import type { EngagementStore } from '../app/ports';
import type { Logger } from '../logger';
import type { Catalog } from '../playbook/catalog';
import type { CardRenderer } from './cards/renderer';
import type { TeamRoster } from './turn/roster';

/** What every handler may use; passed in, never imported as a singleton. */
export interface BotDeps {
  catalog: Catalog;
  store: EngagementStore;
  renderer: CardRenderer;
  logger: Logger;
  now: () => Date;
  /** When set, turns from any other tenant are refused. */
  allowedTenantId?: string;
  people: PeopleDirectory;
  digests: Digests;
  roster: TeamRoster;
  /** Signs the links to customers' engagement reports. */
  links: ReportLinks;
}
