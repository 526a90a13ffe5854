export interface SourceLine {
  text: string;
  line: number;
}

export interface Section {
  level: number;
  title: string;
  line: number;
  body: SourceLine[];
  children: Section[];
}

export type Block =
  | { kind: 'paragraph'; text: string; line: number }
  | { kind: 'list'; items: SourceLine[]; line: number }
  | { kind: 'table'; rows: SourceLine[]; line: number };

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST_ITEM = /^\s*[-*+]\s+(.*)$/;
const INCLUDE = /^\s*\[!INCLUDE\b/i;

/** Splits a markdown file into lines, dropping front matter and docfx include lines. */
export function readLines(content: string): { lines: SourceLine[]; frontMatter: Record<string, string> } {
  const raw = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  const frontMatter: Record<string, string> = {};
  let start = 0;
  if (raw[0]?.trim() === '---') {
    const end = raw.findIndex((text, i) => i > 0 && text.trim() === '---');
    if (end > 0) {
      for (const text of raw.slice(1, end)) {
        const match = /^\s*([\w.-]+)\s*:\s*(.*?)\s*$/.exec(text);
        if (match?.[1]) frontMatter[match[1]] = match[2] ?? '';
      }
      start = end + 1;
    }
  }
  const lines = raw
    .map((text, i) => ({ text: text.trimEnd(), line: i + 1 }))
    .slice(start)
    .map((l) => (INCLUDE.test(l.text) ? { ...l, text: '' } : l));
  return { lines, frontMatter };
}

/** Builds the heading tree; the root (level 0) holds everything. */
export function sectionTree(lines: SourceLine[]): Section {
  const root: Section = { level: 0, title: '', line: 0, body: [], children: [] };
  const stack: Section[] = [root];
  for (const l of lines) {
    const heading = HEADING.exec(l.text);
    if (!heading) {
      stack[stack.length - 1]?.body.push(l);
      continue;
    }
    const level = heading[1]?.length ?? 1;
    while ((stack[stack.length - 1]?.level ?? 0) >= level) stack.pop();
    const section: Section = { level, title: heading[2] ?? '', line: l.line, body: [], children: [] };
    stack[stack.length - 1]?.children.push(section);
    stack.push(section);
  }
  return root;
}

export function blocks(body: SourceLine[]): Block[] {
  const result: Block[] = [];
  let current: Block | undefined;
  const close = (): void => {
    if (current) result.push(current);
    current = undefined;
  };
  for (const l of body) {
    const text = l.text.trim();
    if (text === '') {
      if (current?.kind !== 'list') close();
      continue;
    }
    if (text.startsWith('|')) {
      if (current?.kind !== 'table') close();
      current ??= { kind: 'table', rows: [], line: l.line };
      if (current.kind === 'table') current.rows.push({ text, line: l.line });
      continue;
    }
    const item = LIST_ITEM.exec(l.text);
    if (item) {
      if (current?.kind !== 'list') close();
      current ??= { kind: 'list', items: [], line: l.line };
      if (current.kind === 'list') current.items.push({ text: item[1]?.trim() ?? '', line: l.line });
      continue;
    }
    if (current?.kind === 'list' && /^\s/.test(l.text)) {
      const last = current.items[current.items.length - 1];
      if (last) last.text = `${last.text} ${text}`;
      continue;
    }
    if (current?.kind !== 'paragraph') close();
    if (current?.kind === 'paragraph') current.text = `${current.text} ${text}`;
    else current = { kind: 'paragraph', text, line: l.line };
  }
  close();
  return result;
}

/** Collapses runs of white space; markdown treats them as one space. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function tableCells(row: string): string[] {
  const inner = row.trim().replace(/^\|/, '').replace(/\|$/, '');
  return inner.split('|').map(squash);
}

export function isSeparatorRow(row: string): boolean {
  return tableCells(row).every((cell) => /^:?-{3,}:?$/.test(cell));
}

/** Fields written as `Label: **value**`, possibly spanning lines. */
export function boldFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const match of text.matchAll(/(?:^|\s)([A-Z][A-Za-z ]*?):\s*\*\*(.+?)\*\*/g)) {
    if (match[1] && match[2]) fields.set(match[1].trim().toLowerCase(), squash(match[2]));
  }
  return fields;
}

export function splitList(value: string): string[] {
  return value
    .split('/')
    .map(squash)
    .filter((v) => v !== '');
}
