import { PlaybookFormatError } from './errors';
import { isSeparatorRow, splitList, tableCells, type SourceLine } from './markdown';
import type { FtopTask } from './types';

const COLUMNS = {
  id: /task\s*id/i,
  name: /task\s*name/i,
  marker: /andatory|ptional/i,
  role: /role/i,
  services: /service/i,
} as const;

type Column = keyof typeof COLUMNS;

function columnIndexes(file: string, header: SourceLine): Record<Column, number> {
  const cells = tableCells(header.text);
  const indexes = {} as Record<Column, number>;
  for (const [column, pattern] of Object.entries(COLUMNS) as [Column, RegExp][]) {
    const index = cells.findIndex((cell) => pattern.test(cell));
    if (index < 0) {
      throw new PlaybookFormatError(file, header.line, `the FTOP task table has no "${column}" column`);
    }
    indexes[column] = index;
  }
  return indexes;
}

function marker(file: string, row: SourceLine, value: string): boolean {
  const upper = value.toUpperCase();
  if (upper === 'M' || upper === 'MANDATORY') return true;
  if (upper === 'O' || upper === 'OPTIONAL') return false;
  throw new PlaybookFormatError(file, row.line, `"${value}" is not a Mandatory/Optional marker (M or O)`);
}

/** Parses an FTOP task table; `seen` maps the task IDs met so far in the playbook to their lines. */
export function parseTaskTable(
  file: string,
  workshop: string,
  rows: SourceLine[],
  seen: Map<string, number>,
): FtopTask[] {
  const [header, separator, ...data] = rows;
  if (!header || !separator || !isSeparatorRow(separator.text)) {
    throw new PlaybookFormatError(file, header?.line ?? 0, 'the FTOP task table has no header row and separator');
  }
  const at = columnIndexes(file, header);
  const width = tableCells(header.text).length;
  return data.map((row) => {
    const cells = tableCells(row.text);
    if (cells.length !== width) {
      throw new PlaybookFormatError(file, row.line, `task row has ${cells.length} cells, expected ${width}`);
    }
    const cell = (column: Column): string => {
      const value = cells[at[column]] ?? '';
      if (value === '') throw new PlaybookFormatError(file, row.line, `task row has an empty "${column}" cell`);
      return value;
    };
    const id = cell('id');
    const first = seen.get(id);
    if (first !== undefined) {
      throw new PlaybookFormatError(file, row.line, `task ID ${id} appears twice (first on line ${first})`);
    }
    seen.set(id, row.line);
    return {
      id,
      name: cell('name'),
      mandatory: marker(file, row, cell('marker')),
      role: cell('role'),
      services: splitList(cell('services')),
      workshop,
    };
  });
}
