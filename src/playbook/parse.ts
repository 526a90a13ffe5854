import { PlaybookFormatError } from './errors';
import {
  blocks,
  boldFields,
  readLines,
  sectionTree,
  splitList,
  squash,
  tableCells,
  type Block,
  type Section,
} from './markdown';
import { parseTaskTable } from './tasks';
import type { Link, NextStep, Playbook, RefreshEntry, Workshop } from './types';
import { playbookVersion } from './version';

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

function child(section: Section, title: string): Section | undefined {
  return section.children.find((c) => c.title.toLowerCase() === title.toLowerCase());
}

function bullets(section: Section | undefined): string[] {
  if (!section) return [];
  return blocks(section.body).flatMap((b) => (b.kind === 'list' ? b.items.map((i) => squash(i.text)) : []));
}

function fieldsOf(body: Block[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const b of body) {
    if (b.kind === 'paragraph') for (const [k, v] of boldFields(b.text)) fields.set(k, v);
  }
  return fields;
}

function required(file: string, line: number, fields: Map<string, string>, name: string, where: string): string {
  const value = fields.get(name.toLowerCase());
  if (!value) throw new PlaybookFormatError(file, line, `${where} has no "${name}: **...**" line`);
  return value;
}

function nextStep(text: string): NextStep {
  const links: Link[] = [...text.matchAll(LINK)].map((m) => ({ title: squash(m[1] ?? ''), href: m[2] ?? '' }));
  return { text: squash(text.replace(LINK, (_all, title: string) => title)), links };
}

function refreshSummary(file: string, section: Section | undefined): RefreshEntry[] {
  const table = section && blocks(section.body).find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') return [];
  return table.rows.slice(2).map((row) => {
    const [date, who, what] = tableCells(row.text);
    if (!date || !who || !what)
      throw new PlaybookFormatError(file, row.line, 'refresh summary row needs a date, who and what');
    return { date, who, what };
  });
}

function isFieldParagraph(b: Block): boolean {
  return b.kind === 'paragraph' && /^[A-Z][A-Za-z ]*:\s*\*\*/.test(b.text);
}

function workshop(file: string, section: Section, seen: Map<string, number>): Workshop {
  const body = blocks(section.body);
  const where = `workshop "${section.title}"`;
  const fields = fieldsOf(body);
  const taskSection = child(section, 'FTOP Tasks');
  const table = taskSection && blocks(taskSection.body).find((b) => b.kind === 'table');
  if (!table || table.kind !== 'table') {
    throw new PlaybookFormatError(file, section.line, `${where} has no FTOP task table`);
  }
  const tasks = parseTaskTable(file, section.title, table.rows, seen);
  if (tasks.length === 0) throw new PlaybookFormatError(file, table.line, `${where} has no FTOP tasks`);
  const prose = body.filter(
    (b) => b.kind === 'paragraph' && !isFieldParagraph(b) && !/^success criteria:?$/i.test(b.text),
  );
  return {
    name: section.title,
    primaryRole: required(file, section.line, fields, 'Primary Role', where),
    motions: splitList(fields.get('motions') ?? ''),
    appliesTo: splitList(required(file, section.line, fields, 'Applies To', where)),
    description: prose.map((b) => (b.kind === 'paragraph' ? b.text : '')).join('\n\n'),
    successCriteria: body.flatMap((b) => (b.kind === 'list' ? b.items.map((i) => squash(i.text)) : [])),
    tasks,
  };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** Parses one playbook markdown file of the FastTrack playbook format. Pure: no I/O. */
export function parsePlaybook(file: string, content: string): Playbook {
  const { lines, frontMatter } = readLines(content);
  const root = sectionTree(lines);
  const top = root.children.find((s) => s.level === 1);
  if (!top) throw new PlaybookFormatError(file, 1, 'the playbook has no "# Title" heading');
  const approach = child(top, 'Approach');
  if (!approach || approach.children.length === 0) {
    throw new PlaybookFormatError(
      file,
      approach?.line ?? top.line,
      'the playbook has no workshops under "## Approach"',
    );
  }
  const fields = fieldsOf(blocks(top.body));
  const seen = new Map<string, number>();
  const workshops = approach.children.map((s) => workshop(file, s, seen));
  const tasks = workshops.flatMap((w) => w.tasks);
  const refresh = refreshSummary(file, child(top, 'Refresh Summary'));
  return {
    id: file.replace(/^.*[\\/]/, '').replace(/\.md$/i, ''),
    file,
    version: playbookVersion(refresh, content),
    title: top.title || (frontMatter.title ?? ''),
    phase: fields.get('phase') ?? '',
    motions: splitList(fields.get('motions') ?? ''),
    objectives: bullets(child(top, 'Objectives')),
    keyInputs: bullets(child(top, 'Key Inputs')),
    keyOutputs: bullets(child(top, 'Key Outputs')),
    nextSteps: bullets(child(top, 'Next Steps')).map(nextStep),
    refreshSummary: refresh,
    workshops,
    roles: unique([...workshops.map((w) => w.primaryRole), ...tasks.map((t) => t.role)]),
    services: unique([...workshops.flatMap((w) => w.appliesTo), ...tasks.flatMap((t) => t.services)]),
  };
}
