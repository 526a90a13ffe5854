import type { EngagementReport } from '../domain/report';
import { STATUS_TEXT } from '../domain/statusWords';
import { clipped } from '../domain/text';

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

/** Long names are cut: a file name has a length limit, and the customer's name is only there to tell files apart. */
const NAME_CHARS = 60;

/**
 * The CSV's Content-Disposition: "<customer> security workshops report <day>.csv", in UTF-8 for the browsers
 * that read filename* (RFC 6266), and with only plain letters for those that do not. Neither form can hold a
 * quote, a line break or a slash, whatever name was typed at setup.
 */
export function csvDownload(customerName: string, asOf: Date): string {
  const name = `${clipped(customerName, NAME_CHARS)} security workshops report ${asOf.toISOString().slice(0, 10)}.csv`;
  const plain = name.replace(/[^A-Za-z0-9 ._-]/g, '_');
  const encoded = encodeURIComponent(name).replace(/[*'()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${plain}"; filename*=UTF-8''${encoded}`;
}
