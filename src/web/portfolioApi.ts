import { portfolioOf, portfolioRowOf, type PortfolioDeps } from '../app/portfolio';
import type { SignedInUser } from '../auth/entraToken';
import type { PortfolioRow } from '../domain/portfolio';
import type { PortfolioResponse } from './portfolioApiTypes';
import { targetsChart, weeklyChart } from './portfolioCharts';

/** A Teams link that opens the engagement's channel (the team's group id makes it exact, when known). */
export function channelLink(row: PortfolioRow): string {
  const query = new URLSearchParams({ tenantId: row.tenantId, ...(row.teamGroupId && { groupId: row.teamGroupId }) });
  return `https://teams.microsoft.com/l/channel/${encodeURIComponent(row.channelId)}/${encodeURIComponent(row.customerName)}?${query}`;
}

const viewerOf = (user: SignedInUser) => ({ id: user.oid, name: user.name, aadObjectId: user.oid });

/** One row, or undefined for an engagement the person holds no role in as for one that does not exist. */
export async function engagementRowResponse(deps: PortfolioDeps, user: SignedInUser, engagementId: string) {
  const row = await portfolioRowOf(deps, viewerOf(user), engagementId);
  return row && { ...row, channelLink: channelLink(row) };
}

/** The tab's content for the signed-in person: only engagements they hold a role in. */
export async function portfolioResponse(
  deps: PortfolioDeps,
  user: SignedInUser,
  development: boolean,
): Promise<PortfolioResponse> {
  const portfolio = await portfolioOf(deps, viewerOf(user));
  return {
    viewer: { name: portfolio.viewerName, development },
    today: portfolio.today,
    rows: portfolio.rows.map((row) => ({ ...row, channelLink: channelLink(row) })),
    roles: [...new Set(portfolio.rows.flatMap((r) => r.roles))].sort(),
    charts: {
      weekly: weeklyChart(portfolio.weekly, portfolio.stillOpen).markup,
      targets: targetsChart(portfolio.rows, portfolio.today).markup,
    },
  };
}
