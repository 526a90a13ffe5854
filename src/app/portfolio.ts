import { personKey, samePerson } from '../domain/people';
import { byRisk, doneByWeek, portfolioRow, type PortfolioRow, type WeeklyDone } from '../domain/portfolio';
import type { Person } from '../domain/types';
import type { Catalog } from '../playbook/catalog';
import type { EngagementStore } from './ports';

export interface PortfolioDeps {
  store: EngagementStore;
  catalog: Catalog;
  now: () => Date;
}

export interface Portfolio {
  /** The person's name as their engagements know it ('' when they hold no role anywhere). */
  viewerName: string;
  /** YYYY-MM-DD the rows were worked out for. */
  today: string;
  /** Every engagement the person holds a role in, those they manage first, the most at risk first. */
  rows: PortfolioRow[];
  weekly: WeeklyDone[];
  stillOpen: number;
}

/** A person's portfolio: one store query for their engagements, then nothing but arithmetic. */
export async function portfolioOf(deps: PortfolioDeps, viewer: Person): Promise<Portfolio> {
  const engagements = await deps.store.listByMember(personKey(viewer));
  const today = deps.now().toISOString().slice(0, 10);
  const inputsOf = (e: (typeof engagements)[number]) => deps.catalog.playbookOf(e)?.keyInputs ?? [];
  const rows = engagements.map((e) => portfolioRow(e, inputsOf(e), viewer, today)).sort(byRisk);
  const { weeks, stillOpen } = doneByWeek(engagements, today);
  const known = engagements.flatMap((e) => e.roles.flatMap((r) => r.people)).find((p) => samePerson(p, viewer));
  return { viewerName: known?.name ?? viewer.name, today, rows, weekly: weeks, stillOpen };
}

/**
 * One engagement's row, for a person who holds a role in it. Undefined alike for one they hold no role in
 * and one that does not exist, so nobody learns which engagements exist.
 */
export async function portfolioRowOf(
  deps: PortfolioDeps,
  viewer: Person,
  engagementId: string,
): Promise<PortfolioRow | undefined> {
  const engagement = engagementId.length <= 100 ? (await deps.store.get(engagementId))?.value : undefined;
  if (!engagement || !engagement.memberKeys.includes(personKey(viewer))) return undefined;
  const today = deps.now().toISOString().slice(0, 10);
  return portfolioRow(engagement, deps.catalog.playbookOf(engagement)?.keyInputs ?? [], viewer, today);
}
