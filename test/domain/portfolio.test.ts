import { byRisk, doneByWeek, portfolioRow, weekOf } from '../../src/domain/portfolio';
import { engagementReport } from '../../src/domain/report';
import { people, seedPlaybook } from '../fixtures/engagement';
import { PORTFOLIO_DAY, portfolioEngagements } from '../fixtures/portfolioSeed';

const today = PORTFOLIO_DAY.toISOString().slice(0, 10);
const [contoso, adatum, northwind, fabrikam] = portfolioEngagements();
const rowOf = (e: typeof contoso) => portfolioRow(e!, seedPlaybook.keyInputs, people.manager, today);

describe("a FastTrack Manager's portfolio row", () => {
  it('shows each workshop against its target date: done, overdue, due soon, on track', () => {
    expect(rowOf(contoso).workshops.map((w) => [w.name, `${w.done}/${w.total}`, w.state])).toEqual([
      ['Identity Security', '1/1', 'done'],
      ['Device Security', '1/4', 'overdue'],
      ['Information Security', '0/2', 'onTrack'],
    ]);
    expect(rowOf(adatum).workshops.map((w) => w.state)).toEqual(['done', 'dueSoon', 'onTrack']);
    expect(rowOf(fabrikam).workshops.map((w) => w.state)).toEqual(['done', 'onTrack', 'onTrack']);
  });

  it('names the overdue mandatory tasks with their owners, most overdue first, and the next due date', () => {
    const row = rowOf(contoso);
    expect(row.overdue.map((t) => [t.taskId, t.overdueDays, t.owners])).toEqual([
      ['2460', 5, ['Maria']],
      ['4084', 5, ['Sam']],
      ['4078', 5, ['Sam']],
    ]);
    expect(row.nextDue).toBe('2026-11-27');
    expect(rowOf(adatum).nextDue).toBe('2026-12-09');
  });

  it('says where the Key Inputs and Key Outputs stand, and what completed an engagement', () => {
    expect(rowOf(contoso).keyInputs).toEqual({ confirmed: 1, total: 2, state: 'open' });
    expect(rowOf(adatum).keyInputs).toEqual({ confirmed: 0, total: 2, state: 'overridden' });
    expect(rowOf(northwind).keyOutputs).toEqual({ answered: 10, total: 10, signedOff: true });
    expect(rowOf(northwind).completion?.nextStep).toMatch(/^Based on identified workloads/);
    expect(rowOf(contoso).completion).toBeUndefined();
  });

  it('puts the engagements a person manages first, then the open before the complete, the most overdue first', () => {
    const rows = [fabrikam, northwind, adatum, contoso].map(rowOf).sort(byRisk);
    expect(rows.map((r) => r.customerName)).toEqual(['Contoso', 'Adatum', 'Northwind Traders', 'Fabrikam']);
    expect(rows.map((r) => r.roles)).toEqual([
      ['FastTrack Manager'],
      ['FastTrack Manager'],
      ['FastTrack Manager'],
      ['SME'],
    ]);
  });
});

describe('mandatory tasks done per week', () => {
  it('counts each done task in the week it was completed, and what is still open in open engagements', () => {
    const { weeks, stillOpen } = doneByWeek([contoso!, adatum!, northwind!, fabrikam!], today, 4);
    expect(weeks).toEqual([
      { week: '2026-11-09', done: 3 },
      { week: '2026-11-16', done: 5 },
      { week: '2026-11-23', done: 1 },
      { week: '2026-11-30', done: 2 },
    ]);
    expect(stillOpen).toBe(5 + 6 + 6);
    expect(weekOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-11-30')).toBe('2026-11-30');
  });
});

describe("the customer's engagement report", () => {
  it('lists the areas not planned with their reasons, as the playbook asks, and the sign-off and Next Step', () => {
    const report = engagementReport(northwind!, seedPlaybook);
    expect(report.notPlanned).toEqual([{ area: 'MDATP', reason: 'Another antivirus until 2027' }]);
    expect(report.signedOff).toEqual({ by: 'Chris', at: '2026-11-30T10:00:00.000Z' });
    expect(report.completion?.by).toBe('Maria');
    expect(report.workshops.map((w) => [w.name, w.done, w.total])).toEqual([
      ['Identity Security', 1, 1],
      ['Device Security', 4, 4],
      ['Information Security', 2, 2],
    ]);
  });

  it('gives every task with its status, who changed it and when, and the Key Inputs override with its reason', () => {
    const report = engagementReport(adatum!, seedPlaybook);
    const task = report.workshops[0]!.tasks.find((t) => t.id === '2533');
    expect(task).toMatchObject({ status: 'done', changedBy: 'Maria', changedAt: '2026-12-01T10:00:00.000Z' });
    expect(report.inputsOverride).toEqual({
      by: 'Maria',
      at: '2026-11-30T10:00:00.000Z',
      reason: 'Kick-off moved up a week',
    });
    expect(report.keyInputs.every((k) => k.confirmedBy === undefined)).toBe(true);
  });
});
