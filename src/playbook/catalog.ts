import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlaybookFormatError } from './errors';
import { parsePlaybook } from './parse';
import type { FtopTask, Playbook } from './types';

export interface Catalog {
  /** The playbooks loaded from PLAYBOOKS_DIR, each at its current version. */
  playbooks: Playbook[];
  playbook(id: string): Playbook | undefined;
  /**
   * The playbook an engagement runs on, at the engagement's own version: the current one, or the version the
   * bot kept when it was current (a file changed or removed since). The current version when neither has it.
   */
  playbookOf(engagement: { playbookId: string; playbookVersion: string }): Playbook | undefined;
  task(playbookId: string, taskId: string): FtopTask | undefined;
}

/** The current version's title of a playbook; its id once its file is gone. */
export const newestTitle = (catalog: Catalog, playbookId: string): string =>
  catalog.playbook(playbookId)?.title ?? playbookId;

const versionKey = (id: string, version: string) => `${id}@${version}`;

/** The current playbooks, and the earlier versions the bot kept (see PlaybookVersions). */
export function catalogOf(playbooks: Playbook[], kept: Playbook[] = []): Catalog {
  const byId = new Map(playbooks.map((p) => [p.id, p]));
  const versions = new Map([...kept, ...playbooks].map((p) => [versionKey(p.id, p.version), p]));
  const tasks = new Map(
    playbooks.flatMap((p) => p.workshops.flatMap((w) => w.tasks.map((t) => [`${p.id}/${t.id}`, t] as const))),
  );
  return {
    playbooks,
    playbook: (id) => byId.get(id),
    playbookOf: (e) => versions.get(versionKey(e.playbookId, e.playbookVersion)) ?? byId.get(e.playbookId),
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
