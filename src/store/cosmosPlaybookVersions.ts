import type { Container, ItemDefinition } from '@azure/cosmos';
import type { PlaybookVersions } from '../app/ports';
import type { Playbook } from '../playbook/types';
import { statusOf } from './cosmosDocuments';

/** Every playbook version the bot has loaded, a document each in its playbook's partition, written once. */
export class CosmosPlaybookVersions implements PlaybookVersions {
  constructor(private readonly container: Container) {}

  async keep(playbook: Playbook): Promise<void> {
    try {
      await this.container.items.create({ id: playbook.version, playbookId: playbook.id, playbook });
    } catch (error) {
      if (statusOf(error) !== 409) throw error;
    }
  }

  async all(): Promise<Playbook[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition & { playbook: Playbook }>('SELECT c.playbook FROM c')
      .fetchAll();
    return resources.map((r) => r.playbook);
  }
}
