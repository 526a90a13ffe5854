import { changeEngagement } from '../../app/changeEngagement';
import { revokeReportLinks } from '../../domain/reportAccess';
import { engagementIdOfAction } from '../turn/engagementOfTurn';
import { viewerOf } from '../turn/turnFacts';
import { reportCardView } from '../views/report';
import { reportUrl } from '../views/reportUrl';
import type { CardAction } from './types';

export const REVOKED =
  'Every earlier link to this report no longer opens it. The link on this card is new: share it again where it is needed.';

/** A FastTrack Manager revokes every report link given so far; the answer carries a new one. */
export const revokeReportAction: CardAction = {
  async run({ turn, deps, cards, data, actor }) {
    const saved = await changeEngagement(deps, engagementIdOfAction(turn, data), (e, now) =>
      revokeReportLinks(e, actor, now),
    );
    cards.changed(saved.value, { kind: 'reportLinks' });
    const view = reportCardView(saved.value, reportUrl(deps, saved.value), viewerOf(turn), REVOKED);
    return { kind: 'card', card: deps.renderer.card('report', view) };
  },
};
