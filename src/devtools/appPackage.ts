import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TeamsAppManifest } from '@microsoft/app-manifest';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { zipSync } from 'fflate';

export const MANIFEST_DIR = join(__dirname, '../../manifest');
const SCHEMA = require.resolve('@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** The manifest with the bot's id and the host name of its server (the tab's, and SSO's) filled in. */
export function manifestFor(botId: string, domain: string): TeamsAppManifest {
  const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
  return JSON.parse(template.replaceAll('${{BOT_ID}}', botId).replaceAll('${{BOT_DOMAIN}}', domain)) as TeamsAppManifest;
}

/**
 * Schema problems, checked offline against the schema bundled with @microsoft/app-manifest, the way
 * its ManifestUtil does (draft-04, every error). Its entry point needs an ES-module-only dependency
 * that jest on Node 20 cannot load, hence ajv directly.
 */
export function manifestProblems(manifest: TeamsAppManifest): string[] {
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  addFormats(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`.trim());
}

/** The app package zip Teams accepts: manifest.json and the two icons at its root. */
export function appPackage(manifest: TeamsAppManifest): Uint8Array {
  return zipSync({
    'manifest.json': new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    'color.png': readFileSync(join(MANIFEST_DIR, 'color.png')),
    'outline.png': readFileSync(join(MANIFEST_DIR, 'outline.png')),
  });
}
