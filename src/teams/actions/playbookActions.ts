import { applyPlaybookUpdate, pendingDiff } from '../../app/playbookUpdates';
import { diffSummary } from '../../domain/migration';
import { newestTitle } from '../../playbook/catalog';
import { holdsRole, MANAGER_ROLE } from '../../domain/people';
import type { Engagement } from '../../domain/types';
import { MessageFactory } from 'botbuilder';
import { engagementOfAction } from '../turn/engagementOfTurn';
import { requiredField } from '../turn/actionData';
import { viewerOf } from '../turn/turnFacts';
import { workshopCardKey } from '../views/cardKeys';
import { customer, possessive } from '../views/format';
import { playbookUpdateView, versionText } from '../views/playbookUpdate';
import type { ActionContext, CardAction } from './types';

/** Posted workshop cards follow their workshop's new name, so they keep being updated. */
const followRenames = (engagement: Engagement, renames: { from: string; to: string }[]): Engagement => ({
  ...engagement,
  posts: engagement.posts.map((p) => {
    const renamed = renames.find((r) => workshopCardKey(r.from) === p.card);
    return renamed ? { ...p, card: workshopCardKey(renamed.to) } : p;
  }),
});

const notice = ({ deps }: ActionContext, title: string, text: string) => ({
  kind: 'card' as const,
  card: deps.renderer.card('notice', { title, text }),
});

/** The FastTrack Manager applies the newer playbook they were shown: every card shows the result. */
export const applyPlaybookAction: CardAction = {
  async run(context) {
    const { turn, deps, cards, data, actor } = context;
    const { value: current } = await engagementOfAction(turn, deps, data);
    const version = requiredField(data, 'version', 100);
    const { engagement, diff } = await applyPlaybookUpdate(deps, current.id, version, actor, (migrated, applied) =>
      followRenames(migrated, applied.workshopsRenamed),
    );
    cards.changed(engagement.value, { kind: 'settings' });
    await cards.postMissing(turn, engagement.value);
    const title = `${possessive(customer(engagement.value.customerName))} engagement runs on the newer playbook`;
    return notice(context, title, `Applied the version of ${versionText(version)}: ${diffSummary(diff)}`);
  },
};

/** Leaves the engagement as it is: the summary keeps offering the newer version. */
export const notNowPlaybookAction: CardAction = {
  async run(context) {
    const { value: engagement } = await engagementOfAction(context.turn, context.deps, context.data);
    return notice(
      context,
      'Not now',
      `${possessive(customer(engagement.customerName))} engagement stays on the version of ${versionText(engagement.playbookVersion)}. The summary keeps offering the newer one.`,
    );
  },
};

/** The summary's Review: posts what the newer playbook would change below, and answers with the summary. */
export const reviewPlaybookAction: CardAction = {
  async run({ turn, deps, cards, data }) {
    const { value: engagement } = await engagementOfAction(turn, deps, data);
    const diff = pendingDiff(deps.catalog, engagement);
    if (diff) {
      const title = newestTitle(deps.catalog, engagement.playbookId);
      const viewer = viewerOf(turn);
      const manages = !!viewer.person && holdsRole(engagement, viewer.person, MANAGER_ROLE);
      const view = playbookUpdateView(engagement, diff, title, manages);
      await turn.sendActivity(MessageFactory.attachment(deps.renderer.attachment('playbookUpdate', view)));
    }
    return { kind: 'card', card: cards.views.summary(engagement, viewerOf(turn)) };
  },
};
