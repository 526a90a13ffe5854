import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The tab's script as `npm run build` writes it next to the built server (dist/web). */
export const BUILT_SCRIPT = join(__dirname, 'portfolio.js');
const ENTRY = join(__dirname, 'client', 'portfolio.ts');

/** Bundles the tab's script from its sources (TeamsJS and the Fluent components it uses), minified. */
export async function bundleTabScript(): Promise<string> {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    write: false,
  });
  return result.outputFiles[0]!.text;
}

/**
 * The tab's script, read once: the built file in production, else bundled from the sources on first use
 * (npm run dev and the tests run the server from its TypeScript).
 */
export function tabScript(): () => Promise<string> {
  let script: Promise<string> | undefined;
  return () => (script ??= existsSync(BUILT_SCRIPT) ? readFile(BUILT_SCRIPT, 'utf8') : bundleTabScript());
}
