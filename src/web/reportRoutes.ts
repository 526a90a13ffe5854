import type { ReportLinks } from '../app/reportLinks';
import type { EngagementStore } from '../app/ports';
import { engagementReport } from '../domain/report';
import { reportLinkGeneration } from '../domain/reportAccess';
import type { Catalog } from '../playbook/catalog';
import { refusedPage, reportPage } from './reportPage';
import { csvDownload, reportCsv } from './reportCsv';

export interface ReportDeps {
  store: EngagementStore;
  catalog: Catalog;
  links: ReportLinks;
  now: () => Date;
}

export type ReportAnswer =
  | { status: 200; kind: 'html'; body: string }
  | { status: 200; kind: 'csv'; body: string; disposition: string }
  | { status: 403 | 404 | 410; kind: 'html'; body: string };

const NOT_FOUND = refusedPage('This report is not available', 'There is no report at this address.');
const INVALID = refusedPage(
  'This link does not open a report',
  'It may have been changed, or its links were revoked. Ask your FastTrack Manager for a new link.',
);
const EXPIRED = refusedPage(
  'This link has expired',
  'Report links work for 7 days. Ask your FastTrack Manager for a new link.',
);

/**
 * The customer's report behind a signed link: the page, or its CSV. A link that is not ours, was revoked
 * or has expired gets one short page and no data; a deleted engagement, the page of one that never was.
 */
export async function reportAnswer(
  deps: ReportDeps,
  engagementId: string,
  query: URLSearchParams,
  kind: 'html' | 'csv',
): Promise<ReportAnswer> {
  const link = deps.links.parse(engagementId, query);
  if (!link) return { status: 403, kind: 'html', body: INVALID };
  const engagement = engagementId.length <= 100 ? (await deps.store.get(engagementId))?.value : undefined;
  if (!engagement) return { status: 404, kind: 'html', body: NOT_FOUND };
  const now = deps.now();
  const check = deps.links.check(link, reportLinkGeneration(engagement), now);
  if (check === 'invalid') return { status: 403, kind: 'html', body: INVALID };
  if (check === 'expired') return { status: 410, kind: 'html', body: EXPIRED };
  const report = engagementReport(engagement, deps.catalog.playbookOf(engagement));
  if (kind === 'csv') {
    return { status: 200, kind: 'csv', body: reportCsv(report), disposition: csvDownload(report.customerName, now) };
  }
  const csvUrl = `/report/${encodeURIComponent(engagementId)}/csv?${query}`;
  return { status: 200, kind: 'html', body: reportPage(report, csvUrl, now) };
}
