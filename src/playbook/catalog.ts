import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlaybookFormatError } from './errors';
import { parsePlaybook } from './parse';
import type { FtopTask, Playbook } from './types';

export interface Catalog {
  playbooks: Playbook[];
  playbook(id: string): Playbook | undefined;
  task(playbookId: string, taskId: string): FtopTask | undefined;
}

export function catalogOf(playbooks: Playbook[]): Catalog {
  const byId = new Map(playbooks.map((p) => [p.id, p]));
  const tasks = new Map(
    playbooks.flatMap((p) => p.workshops.flatMap((w) => w.tasks.map((t) => [`${p.id}/${t.id}`, t] as const))),
  );
  return {
    playbooks,
    playbook: (id) => byId.get(id),
    task: (playbookId, taskId) => tasks.get(`${playbookId}/${taskId}`),
  };
}

/** Loads every playbook markdown file in `dir`; any malformed file stops the load. */
export function loadCatalog(dir: string): Catalog {
  const files = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.toLowerCase().endsWith('.md'))
    .map((entry) => join(dir, entry.name))
    .sort();
  if (files.length === 0) throw new PlaybookFormatError(dir, 0, 'no playbook (*.md) files found');
  return catalogOf(files.map((file) => parsePlaybook(file, readFileSync(file, 'utf8'))));
}
