import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog } from '../../src/playbook/catalog';
import { PlaybookFormatError } from '../../src/playbook/errors';
import { parsePlaybook } from '../../src/playbook/parse';
import { playbookMarkdown, task } from '../fixtures/playbookMarkdown';

const FILE = 'adopt-teams.md';

function lineOf(markdown: string, fragment: string): number {
  return markdown.split('\n').findIndex((l) => l.includes(fragment)) + 1;
}

function formatError(markdown: string): PlaybookFormatError {
  try {
    parsePlaybook(FILE, markdown);
  } catch (error) {
    if (error instanceof PlaybookFormatError) return error;
    throw error;
  }
  throw new Error('the playbook loaded, but it should not have');
}

describe('another playbook in the same format', () => {
  const markdown = playbookMarkdown('Adopt Teams', [
    {
      name: 'Meetings',
      primaryRole: 'Customer Success Manager',
      appliesTo: 'Teams /\nExchange',
      rows: [task('9001'), task('9002', { marker: 'O', role: 'Adoption Lead', services: 'Teams / SharePoint' })],
    },
  ]);

  it('loads with its own roles and services, no code change needed', () => {
    const playbook = parsePlaybook(FILE, markdown);
    expect(playbook.id).toBe('adopt-teams');
    expect(playbook.title).toBe('Adopt Teams');
    expect(playbook.roles).toEqual(['Customer Success Manager', 'Adoption Lead']);
    expect(playbook.workshops[0]!.appliesTo).toEqual(['Teams', 'Exchange']);
    expect(playbook.workshops[0]!.tasks.map((t) => [t.id, t.mandatory, t.services])).toEqual([
      ['9001', true, ['Teams']],
      ['9002', false, ['Teams', 'SharePoint']],
    ]);
  });

  it('sits beside the seed in a playbooks folder and both load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbooks-'));
    try {
      writeFileSync(join(dir, FILE), markdown);
      writeFileSync(
        join(dir, 'seed.md'),
        playbookMarkdown('Seed', [{ name: 'W', primaryRole: 'SME', appliesTo: 'AADP', rows: [task('1')] }]),
      );
      expect(loadCatalog(dir).playbooks.map((p) => p.id)).toEqual(['adopt-teams', 'seed']);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('has a version that changes when the file changes', () => {
    expect(parsePlaybook(FILE, markdown).version).not.toBe(parsePlaybook(FILE, `${markdown}\n`).version);
  });
});

describe('a malformed playbook fails loading with the file, the line and the problem', () => {
  const workshop = (rows: Parameters<typeof playbookMarkdown>[1][number]['rows']) => [
    { name: 'Meetings', primaryRole: 'SME', appliesTo: 'Teams', rows },
  ];

  it('names a task row with a missing cell', () => {
    const markdown = playbookMarkdown('Broken', workshop([task('1'), '| 2 | Task two | M | SME |']));
    const error = formatError(markdown);
    expect(error.message).toBe(`${FILE}:${lineOf(markdown, '| 2 | Task two')}: task row has 4 cells, expected 5`);
  });

  it('names a task row with an empty cell', () => {
    const markdown = playbookMarkdown('Broken', workshop([task('1', { role: ' ' })]));
    expect(formatError(markdown).message).toBe(
      `${FILE}:${lineOf(markdown, '|  1  |')}: task row has an empty "role" cell`,
    );
  });

  it('names a marker that is neither M nor O', () => {
    const markdown = playbookMarkdown('Broken', workshop([task('1', { marker: 'X' })]));
    const error = formatError(markdown);
    expect(error.line).toBe(lineOf(markdown, '|  1  |'));
    expect(error.problem).toBe('"X" is not a Mandatory/Optional marker (M or O)');
  });

  it('names a duplicate task ID, across workshops too', () => {
    const markdown = playbookMarkdown('Broken', [
      ...workshop([task('7')]),
      { name: 'Calling', primaryRole: 'SME', appliesTo: 'Teams', rows: [task('7', { name: 'Again' })] },
    ]);
    const error = formatError(markdown);
    expect(error.line).toBe(lineOf(markdown, 'Again'));
    expect(error.problem).toBe(`task ID 7 appears twice (first on line ${lineOf(markdown, 'Task 7')})`);
  });

  it('names a workshop without tasks', () => {
    const markdown = playbookMarkdown('Broken', workshop([]));
    expect(formatError(markdown).problem).toBe('workshop "Meetings" has no FTOP tasks');
  });

  it('names a workshop without a primary role', () => {
    const markdown = playbookMarkdown('Broken', workshop([task('1')])).replace('Primary Role: **SME**', '');
    const error = formatError(markdown);
    expect(error.line).toBe(lineOf(markdown, '### Meetings'));
    expect(error.problem).toBe('workshop "Meetings" has no "Primary Role: **...**" line');
  });

  it('names a file with no workshops', () => {
    expect(formatError('# Empty\n\n## Approach\n').problem).toBe('the playbook has no workshops under "## Approach"');
  });

  it('stops the whole catalog from loading', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbooks-'));
    try {
      writeFileSync(join(dir, 'good.md'), playbookMarkdown('Good', workshop([task('1')])));
      writeFileSync(join(dir, 'bad.md'), playbookMarkdown('Bad', workshop([task('1', { marker: 'maybe' })])));
      expect(() => loadCatalog(dir)).toThrow(/bad\.md:\d+: "maybe" is not a Mandatory\/Optional marker/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses an empty playbooks folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'playbooks-'));
    try {
      expect(() => loadCatalog(dir)).toThrow(/no playbook \(\*\.md\) files found/);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});
