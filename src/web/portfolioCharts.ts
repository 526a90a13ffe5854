import { addDays } from '../domain/calendar';
import type { PortfolioRow, WeeklyDone, WorkshopState } from '../domain/portfolio';
import { dayOf, html, type Html } from './html';

/** Colours are the page's theme variables, so the charts follow the Teams theme like the rest of the tab. */
const STATE_COLOUR: Record<WorkshopState, string> = {
  done: 'var(--chart-done)',
  overdue: 'var(--chart-overdue)',
  dueSoon: 'var(--chart-soon)',
  onTrack: 'var(--chart-open)',
  noDate: 'var(--chart-muted)',
};
const STATE_WORDS: Record<WorkshopState, string> = {
  done: 'done',
  overdue: 'overdue',
  dueSoon: 'due soon',
  onTrack: 'on track',
  noDate: 'no target date',
};

const shortDay = (date: string) => dayOf(date).replace(/ \d{4}$/, '');

/** Mandatory tasks done each week, as bars, and what is still open beside them. */
export function weeklyChart(weeks: WeeklyDone[], stillOpen: number): Html {
  const [width, height, top, bottom] = [600, 190, 24, 36];
  const highest = Math.max(1, stillOpen, ...weeks.map((w) => w.done));
  const scale = (n: number) => ((height - top - bottom) * n) / highest;
  const slot = width / (weeks.length + 2);
  const bar = (x: number, n: number, colour: string, label: string) => {
    const h = scale(n);
    const y = height - bottom - h;
    return html`<g
      ><rect x="${x + slot * 0.15}" y="${y}" width="${slot * 0.7}" height="${h}" fill="${colour}" rx="2"></rect>
      <text x="${x + slot / 2}" y="${y - 6}" text-anchor="middle" class="figure">${n}</text>
      <text x="${x + slot / 2}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${label}</text></g
    >`;
  };
  const done = weeks.reduce((n, w) => n + w.done, 0);
  const summary = `Mandatory tasks done per week: ${done} in the last ${weeks.length} weeks; ${stillOpen} still open.`;
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${summary}" class="chart">
    <title>${summary}</title>
    ${weeks.map((w, i) => bar(i * slot, w.done, 'var(--chart-done)', shortDay(w.week)))}
    ${bar((weeks.length + 1) * slot, stillOpen, 'var(--chart-open)', 'still open')}
    <line x1="0" x2="${width}" y1="${height - bottom}" y2="${height - bottom}" class="baseline"></line>
  </svg>`;
}

const ROWS_SHOWN = 12;

/** Each open engagement's workshop target dates on one time line, coloured by where the workshop stands. */
export function targetsChart(rows: PortfolioRow[], today: string): Html {
  const open = rows.filter((r) => !r.completion && r.workshops.some((w) => w.targetDate)).slice(0, ROWS_SHOWN);
  if (open.length === 0) return html`<p class="empty">No open engagement has target dates yet.</p>`;
  const dates = open.flatMap((r) => r.workshops.flatMap((w) => (w.targetDate ? [w.targetDate] : [])));
  const first = [addDays(today, -14), ...dates].sort()[0]!;
  const last = [addDays(today, 28), ...dates].sort().at(-1)!;
  const span = Math.max(1, (Date.parse(last) - Date.parse(first)) / 86_400_000);
  const [left, width, rowHeight, top] = [170, 600, 26, 28];
  const x = (date: string) => left + ((width - left - 16) * (Date.parse(date) - Date.parse(first))) / 86_400_000 / span;
  const height = top + open.length * rowHeight + 8;
  const line = (row: PortfolioRow, i: number) => {
    const y = top + i * rowHeight + rowHeight / 2;
    const marks = row.workshops.flatMap((w) => {
      if (!w.targetDate) return [];
      const words = `${w.name}: ${w.done} of ${w.total} mandatory tasks done, due ${dayOf(w.targetDate)} (${STATE_WORDS[w.state]})`;
      return [
        html`<circle cx="${x(w.targetDate)}" cy="${y}" r="6" fill="${STATE_COLOUR[w.state]}"
          ><title>${words}</title></circle
        >`,
      ];
    });
    const name = row.customerName.length > 24 ? `${row.customerName.slice(0, 23)}…` : row.customerName;
    return html`<g
      ><text x="0" y="${y + 4}" class="axis">${name}</text>
      <line x1="${left}" x2="${width - 16}" y1="${y}" y2="${y}" class="track"></line>${marks}</g
    >`;
  };
  const summary = `Workshop target dates of ${open.length} open engagements, against today (${dayOf(today)}).`;
  return html`<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${summary}" class="chart">
    <title>${summary}</title>
    <line x1="${x(today)}" x2="${x(today)}" y1="12" y2="${height}" class="today"></line>
    <text x="${x(today)}" y="10" text-anchor="middle" class="axis">today</text>
    ${open.map(line)}
  </svg>`;
}
