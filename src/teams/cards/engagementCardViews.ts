import { CardFactory, type Attachment } from 'botbuilder';
import type { Engagement } from '../../domain/types';
import type { Catalog } from '../../playbook/catalog';
import { KEY_INPUTS_CARD, KEY_OUTPUTS_CARD, SUMMARY_CARD, WORKSHOP_PREFIX, workshopKeysOf } from '../views/cardKeys';
import type { Viewer } from '../views/format';
import { keyInputsView } from '../views/keyInputs';
import { keyOutputsView } from '../views/keyOutputs';
import { summaryView } from '../views/summary';
import { workshopView } from '../views/workshop';
import type { AdaptiveCard, CardRenderer } from './renderer';

/**
 * An engagement's cards as `viewer` sees them: the person's own copy (the answer to their click or refresh)
 * shows only the buttons they may press, with times in their time zone. Without a viewer, the read-only copy
 * everyone shares.
 */
export class EngagementCardViews {
  constructor(
    private readonly catalog: Catalog,
    private readonly renderer: CardRenderer,
  ) {}

  workshop(engagement: Engagement, workshop: string, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbook(engagement.playbookId);
    return this.renderer.card('workshop', workshopView(engagement, playbook, workshop, viewer));
  }

  summary(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbook(engagement.playbookId);
    const title = playbook?.title ?? engagement.playbookId;
    return this.renderer.card('summary', summaryView(engagement, playbook, title, viewer));
  }

  keyInputs(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbook(engagement.playbookId);
    return this.renderer.card('keyInputs', keyInputsView(engagement, playbook, viewer));
  }

  keyOutputs(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbook(engagement.playbookId);
    return this.renderer.card('keyOutputs', keyOutputsView(engagement, playbook, viewer));
  }

  /** The card a key names: the summary, Key Inputs, Key Outputs, or `workshop:<name>`. */
  render(engagement: Engagement, key: string, viewer: Viewer = {}): AdaptiveCard {
    if (key === SUMMARY_CARD) return this.summary(engagement, viewer);
    if (key === KEY_INPUTS_CARD) return this.keyInputs(engagement, viewer);
    if (key === KEY_OUTPUTS_CARD) return this.keyOutputs(engagement, viewer);
    return this.workshop(engagement, key.slice(WORKSHOP_PREFIX.length), viewer);
  }

  /** The read-only copy everyone shares, as a message attachment. */
  attachmentFor(engagement: Engagement, key: string): Attachment {
    return CardFactory.adaptiveCard(this.render(engagement, key));
  }

  /** Whether `key` names a card of this engagement. */
  hasCard(engagement: Engagement, key: string): boolean {
    return [...this.allKeys(engagement), KEY_OUTPUTS_CARD].includes(key);
  }

  /** The cards setup posts, in order: Key Inputs first, since the workshops depend on them. */
  allKeys(engagement: Engagement): string[] {
    return [KEY_INPUTS_CARD, ...this.workshopKeys(engagement), SUMMARY_CARD];
  }

  workshopKeys(engagement: Engagement): string[] {
    return workshopKeysOf(engagement);
  }
}
