import '@fluentui/web-components/button/define.js';
import '@fluentui/web-components/progress-bar/define.js';
import { setTheme } from '@fluentui/web-components/theme/set-theme.js';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme } from '@fluentui/tokens';
import { app, authentication } from '@microsoft/teams-js';
import type { PortfolioRow } from '../../domain/portfolio';
import type { PortfolioResponse } from '../portfolioApiTypes';

type Row = PortfolioResponse['rows'][number];
type Sort = 'risk' | 'customer' | 'due';
type Show = 'open' | 'complete' | 'all';
type Theme = 'default' | 'dark' | 'contrast';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };
const state = { sort: 'risk' as Sort, role: '', show: 'open' as Show };
const page = document.body.dataset;
const inTeams = page.mode === 'teams';

function applyTheme(theme: string | undefined): void {
  const known: Theme = theme === 'dark' || theme === 'contrast' ? theme : 'default';
  setTheme(THEMES[known]);
  document.body.dataset.theme = known;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  className?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const day = (date: string) => DAY.format(Date.parse(`${date.slice(0, 10)}T00:00:00Z`));

const STATE_WORDS: Record<PortfolioRow['workshops'][number]['state'], string> = {
  done: 'done',
  overdue: 'overdue',
  dueSoon: 'due soon',
  onTrack: 'on track',
  noDate: 'no target date',
};

function workshopsCell(row: Row): HTMLElement {
  const cell = el('td');
  for (const w of row.workshops) {
    const line = el('div', undefined, 'workshop');
    line.append(el('span', w.name, 'name'));
    const bar = document.createElement('fluent-progress-bar');
    bar.setAttribute('value', String(w.done));
    bar.setAttribute('max', String(Math.max(1, w.total)));
    bar.setAttribute('aria-label', `${w.name}: ${w.done} of ${w.total} mandatory tasks done`);
    if (w.state === 'overdue') bar.setAttribute('validation-state', 'error');
    if (w.state === 'done') bar.setAttribute('validation-state', 'success');
    line.append(bar, el('span', `${w.done}/${w.total}`, 'count'));
    const due = w.targetDate ? `${day(w.targetDate)} · ${STATE_WORDS[w.state]}` : STATE_WORDS[w.state];
    line.append(el('span', due, `due ${w.state}`));
    cell.append(line);
  }
  return cell;
}

function overdueCell(row: Row): HTMLElement {
  if (row.overdue.length === 0) return el('td', 'None', 'quiet');
  const cell = el('td');
  const list = el('ul', undefined, 'overdue');
  for (const t of row.overdue) {
    const owners = t.owners.length ? t.owners.join(', ') : 'nobody holds the role';
    list.append(el('li', `${t.taskId} ${t.name}: ${t.overdueDays} days late (${owners})`));
  }
  cell.append(list);
  return cell;
}

const inputsText = (row: Row) =>
  row.keyInputs.state === 'confirmed'
    ? 'All confirmed'
    : row.keyInputs.state === 'overridden'
      ? `Overridden (${row.keyInputs.confirmed} of ${row.keyInputs.total} confirmed)`
      : `${row.keyInputs.total - row.keyInputs.confirmed} of ${row.keyInputs.total} open`;

const outputsText = (row: Row) =>
  `${row.keyOutputs.answered} of ${row.keyOutputs.total} areas answered${row.keyOutputs.signedOff ? ' · signed off' : ''}`;

function customerCell(row: Row): HTMLElement {
  const cell = el('th');
  cell.scope = 'row';
  const link = el('a', row.customerName);
  link.href = row.channelLink;
  link.target = '_blank';
  link.rel = 'noopener';
  link.title = `Open ${row.customerName}'s channel in Teams`;
  if (inTeams) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      void app.openLink(row.channelLink);
    });
  }
  cell.append(link, el('div', row.roles.join(', '), 'roles'));
  return cell;
}

function rowOf(row: Row): HTMLTableRowElement {
  const tr = el('tr');
  tr.dataset.engagement = row.engagementId;
  const status = row.completion ? `Complete: ${row.completion.nextStep}` : 'Open';
  tr.append(
    customerCell(row),
    workshopsCell(row),
    overdueCell(row),
    el('td', row.nextDue ? day(row.nextDue) : '—'),
    el('td', inputsText(row)),
    el('td', outputsText(row)),
    el('td', status, row.completion ? 'complete' : ''),
  );
  return tr;
}

const ORDER: Record<Sort, (a: Row, b: Row) => number> = {
  risk: () => 0,
  customer: (a, b) => a.customerName.localeCompare(b.customerName),
  due: (a, b) => (a.nextDue ?? '~').localeCompare(b.nextDue ?? '~') || a.customerName.localeCompare(b.customerName),
};

function visible(rows: Row[]): Row[] {
  return rows
    .filter((r) => !state.role || r.roles.includes(state.role))
    .filter((r) => state.show === 'all' || (state.show === 'complete') === Boolean(r.completion))
    .sort(ORDER[state.sort]);
}

function renderTable(data: PortfolioResponse, body: HTMLTableSectionElement, caption: HTMLElement): void {
  const rows = visible([...data.rows]);
  body.replaceChildren(...rows.map(rowOf));
  caption.textContent = rows.length
    ? `${rows.length} of ${data.rows.length} engagements`
    : `No engagement matches (${data.rows.length} in all)`;
}

/** A row of toggle buttons: exactly one pressed, the choice kept in `state`. */
function choices<K extends keyof typeof state>(
  label: string,
  key: K,
  options: [(typeof state)[K], string][],
  changed: () => void,
): HTMLElement {
  const group = el('div', undefined, 'choices');
  group.setAttribute('role', 'group');
  group.setAttribute('aria-label', label);
  group.append(el('span', label, 'label'));
  const buttons = options.map(([value, text]) => {
    const button = document.createElement('fluent-button');
    // The component sets its role through ElementInternals; the attribute says it to every tool as well.
    button.setAttribute('role', 'button');
    button.textContent = text;
    button.dataset.value = String(value);
    const press = () => {
      for (const b of buttons) {
        const on = b === button;
        b.setAttribute('aria-pressed', String(on));
        b.setAttribute('appearance', on ? 'primary' : 'outline');
      }
    };
    button.addEventListener('click', () => {
      state[key] = value;
      press();
      changed();
    });
    if (state[key] === value) queueMicrotask(press);
    return button;
  });
  group.append(...buttons);
  return group;
}

function figure(caption: string, svg: string): HTMLElement {
  const box = el('figure');
  box.append(el('figcaption', caption));
  const chart = el('div', undefined, 'chart-box');
  chart.innerHTML = svg;
  box.append(chart);
  return box;
}

function render(data: PortfolioResponse): void {
  const main = document.getElementById('portfolio')!;
  const header = el('header');
  header.append(el('h1', 'Portfolio'));
  if (data.viewer.development) {
    const banner = el(
      'p',
      `Development mode: showing ${data.viewer.name || 'this person'}'s portfolio without Teams sign-in (local use only).`,
      'banner',
    );
    banner.setAttribute('role', 'status');
    header.append(banner);
  }
  const table = el('table');
  const caption = el('caption');
  const head = el('thead');
  const headRow = el('tr');
  for (const name of [
    'Customer',
    'Workshops (mandatory tasks)',
    'Overdue',
    'Next due',
    'Key Inputs',
    'Key Outputs',
    'Status',
  ]) {
    const th = el('th', name);
    th.scope = 'col';
    headRow.append(th);
  }
  head.append(headRow);
  const body = el('tbody');
  table.append(caption, head, body);
  const update = () => renderTable(data, body, caption);
  const controls = el('div', undefined, 'controls');
  controls.append(
    choices(
      'Sort by',
      'sort',
      [
        ['risk', 'Risk'],
        ['customer', 'Customer'],
        ['due', 'Due date'],
      ],
      update,
    ),
    choices('Role', 'role', [['', 'All roles'], ...data.roles.map((r): [string, string] => [r, r])], update),
    choices(
      'Show',
      'show',
      [
        ['open', 'Open'],
        ['complete', 'Complete'],
        ['all', 'All'],
      ],
      update,
    ),
  );
  const charts = el('section', undefined, 'charts');
  charts.setAttribute('aria-label', 'Charts');
  charts.append(
    figure('Mandatory tasks done per week, and still open', data.charts.weekly),
    figure('Target dates of the open engagements', data.charts.targets),
  );
  main.replaceChildren(header, charts, controls, table);
  main.setAttribute('aria-busy', 'false');
  update();
}

function fail(text: string): void {
  const main = document.getElementById('portfolio')!;
  main.replaceChildren(el('h1', 'Portfolio'), el('p', text, 'error'));
  main.setAttribute('aria-busy', 'false');
}

async function load(): Promise<void> {
  let headers: Record<string, string> = {};
  let query = '';
  if (inTeams) {
    await app.initialize();
    const context = await app.getContext();
    applyTheme(context.app.theme);
    app.registerOnThemeChangeHandler(applyTheme);
    headers = { authorization: `Bearer ${await authentication.getAuthToken()}` };
  } else {
    const params = new URLSearchParams(location.search);
    applyTheme(params.get('theme') ?? undefined);
    query = `?user=${encodeURIComponent(page.user ?? '')}`;
  }
  const response = await fetch(`/api/portfolio${query}`, { headers });
  if (response.status === 401) return fail('Teams could not sign you in to your portfolio. Open it again from Teams.');
  if (!response.ok) return fail('Your portfolio could not be loaded just now. Try again in a moment.');
  render((await response.json()) as PortfolioResponse);
}

load().catch(() => fail('Your portfolio could not be loaded just now. Try again in a moment.'));
