import type { PortfolioRow } from '../domain/portfolio';

/** What GET /api/portfolio answers: the tab's whole content for the signed-in person. */
export interface PortfolioResponse {
  viewer: { name: string; development: boolean };
  /** YYYY-MM-DD the rows were worked out for. */
  today: string;
  rows: (PortfolioRow & { channelLink: string })[];
  /** The roles the person holds somewhere, for the role filter. */
  roles: string[];
  /** Server-rendered SVG, built from escaped text only. */
  charts: { weekly: string; targets: string };
}
