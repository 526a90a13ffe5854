import type { EngagementReport } from '../domain/report';
import { STATUS_TEXT } from '../domain/statusWords';

/** A cell as spreadsheets read it: quoted, and never a formula, whatever a person typed (=, +, -, @). */
function cell(value: string | number | undefined): string {
  const text = String(value ?? '');
  const inert = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${inert.replace(/"/g, '""')}"`;
}

const HEADER = [
  'Section',
  'Workshop or area',
  'Task',
  'Name',
  'Mandatory',
  'Status or answer',
  'Date',
  'By',
  'Reason or note',
];

/** Excel reads a CSV without it in the machine's legacy code page, which garbles every non-ASCII letter. */
const UTF8_BOM = '\uFEFF';

/** The report's tasks and Key Outputs as CSV (RFC 4180, CRLF, UTF-8 with a BOM), one row each, for a spreadsheet. */
export function reportCsv(report: EngagementReport): string {
  const tasks = report.workshops.flatMap((w) =>
    w.tasks.map((t) => [
      'Task',
      w.name,
      t.id,
      t.name,
      t.mandatory ? 'yes' : 'no',
      t.outOfScope ? 'Not applicable (out of scope)' : STATUS_TEXT[t.status],
      t.changedAt?.slice(0, 10),
      t.changedBy,
      t.reason,
    ]),
  );
  const outputs = report.outputs.map((o) => [
    'Key Output',
    o.area,
    '',
    '',
    '',
    o.answer === 'enabled' ? 'Enabled' : o.answer === 'notPlanned' ? 'Not planned' : 'Not answered',
    o.date ?? o.at?.slice(0, 10),
    o.by,
    o.reason ?? o.note,
  ]);
  return UTF8_BOM + [HEADER, ...tasks, ...outputs].map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}
