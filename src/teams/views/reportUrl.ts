import type { ReportLinks } from '../../app/reportLinks';
import { reportLinkGeneration } from '../../domain/reportAccess';
import type { Engagement } from '../../domain/types';

/** A link to the engagement's report as of now: 7 days, and the engagement's current link generation. */
export const reportUrl = (deps: { links: ReportLinks; now: () => Date }, engagement: Engagement): string =>
  deps.links.urlFor(engagement.id, reportLinkGeneration(engagement), deps.now());
