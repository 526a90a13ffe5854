import { MessageFactory } from 'botbuilder';
import { viewerOf } from '../turn/turnFacts';
import { reportCardView } from '../views/report';
import { reportUrl } from '../views/reportUrl';
import type { Command } from './types';
import { withEngagement } from './withEngagement';

/** `report`: a signed link to the customer's read-only report of the engagement, valid for 7 days. */
export const reportCommand: Command = {
  name: 'report',
  usage: 'report',
  description:
    "A link to the customer's report: every task, the Key Outputs and the areas not planned, to print or export.",
  scope: 'conversation',
  run: withEngagement(async ({ turn, deps }, engagement) => {
    const view = reportCardView(engagement, reportUrl(deps, engagement), viewerOf(turn));
    await turn.sendActivity(MessageFactory.attachment(deps.renderer.attachment('report', view)));
  }),
};
