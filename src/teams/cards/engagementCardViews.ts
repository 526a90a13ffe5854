import { CardFactory, type Attachment } from 'botbuilder';
import type { CardPost, Engagement } from '../../domain/types';
import type { Catalog } from '../../playbook/catalog';
import {
  KEY_INPUTS_CARD,
  KEY_OUTPUTS_CARD,
  SUMMARY_CARD,
  TASK_LIST_PREFIX,
  WORKSHOP_PREFIX,
  workshopKeysOf,
} from '../views/cardKeys';
import type { Viewer } from '../views/format';
import { keyInputsView } from '../views/keyInputs';
import { keyOutputsView, type TypedAnswers } from '../views/keyOutputs';
import { summaryView } from '../views/summary';
import { workshopView } from '../views/workshop';
import type { AdaptiveCard, CardRenderer } from './renderer';
import { argsOfTaskListKey, channelTaskList } from './taskLists';

/**
 * An engagement's cards as `viewer` sees them: the person's own copy (the answer to their click or refresh)
 * shows only the buttons they may press, with times in their time zone. Without a viewer, the read-only copy
 * everyone shares.
 */
export class EngagementCardViews {
  constructor(
    private readonly catalog: Catalog,
    private readonly renderer: CardRenderer,
    /** A signed link to the engagement's report, for the summary's Report button; none without it. */
    private readonly reportUrlOf: (engagement: Engagement) => string = () => '',
  ) {}

  workshop(engagement: Engagement, workshop: string, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbookOf(engagement);
    return this.renderer.card('workshop', workshopView(engagement, playbook, workshop, viewer));
  }

  summary(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbookOf(engagement);
    const title = playbook?.title ?? engagement.playbookId;
    const newestVersion = this.catalog.playbook(engagement.playbookId)?.version ?? null;
    const data = summaryView(engagement, playbook, title, viewer, {
      reportUrl: this.reportUrlOf(engagement),
      newestVersion,
    });
    return this.renderer.card('summary', data);
  }

  keyInputs(engagement: Engagement, viewer: Viewer = {}): AdaptiveCard {
    const playbook = this.catalog.playbookOf(engagement);
    return this.renderer.card('keyInputs', keyInputsView(engagement, playbook, viewer));
  }

  /** `typed`: what a contact's submit could not save, kept on their copy with why. */
  keyOutputs(engagement: Engagement, viewer: Viewer = {}, typed?: TypedAnswers): AdaptiveCard {
    const playbook = this.catalog.playbookOf(engagement);
    return this.renderer.card('keyOutputs', keyOutputsView(engagement, playbook, viewer, typed));
  }

  /** A task list posted in the channel, as its viewer sees it; a one-line notice once it lists nothing they may ask. */
  taskList(engagement: Engagement, key: string, viewer: Viewer): AdaptiveCard {
    const list =
      viewer.person && channelTaskList(engagement, { ...viewer, person: viewer.person }, argsOfTaskListKey(key));
    if (list && typeof list !== 'string') return this.renderer.card('taskList', list);
    return this.renderer.card('notice', { title: 'Task list', text: list || 'This list is no longer kept.' });
  }

  /** The card a key names: the summary, Key Inputs, Key Outputs, `workshop:<name>` or a `tasks:` list. */
  render(engagement: Engagement, key: string, viewer: Viewer = {}): AdaptiveCard {
    if (key.startsWith(TASK_LIST_PREFIX)) return this.taskList(engagement, key, viewer);
    if (key === SUMMARY_CARD) return this.summary(engagement, viewer);
    if (key === KEY_INPUTS_CARD) return this.keyInputs(engagement, viewer);
    if (key === KEY_OUTPUTS_CARD) return this.keyOutputs(engagement, viewer);
    return this.workshop(engagement, key.slice(WORKSHOP_PREFIX.length), viewer);
  }

  /** The read-only copy everyone shares, as a message attachment. */
  attachmentFor(engagement: Engagement, key: string): Attachment {
    return CardFactory.adaptiveCard(this.render(engagement, key));
  }

  /** A posted copy as it stands now: the shared copy, or the copy of the person it was posted for. */
  attachmentForPost(engagement: Engagement, post: Pick<CardPost, 'card' | 'viewer'>): Attachment {
    return CardFactory.adaptiveCard(this.render(engagement, post.card, post.viewer ? { person: post.viewer } : {}));
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
