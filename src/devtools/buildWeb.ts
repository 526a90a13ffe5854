import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTabScript } from '../web/clientBundle';

/** `npm run build`'s second step: the portfolio tab's script, bundled, beside the built server. */
async function buildWeb(): Promise<void> {
  const out = join(__dirname, '../../dist/web/portfolio.js');
  mkdirSync(join(out, '..'), { recursive: true });
  const script = await bundleTabScript();
  writeFileSync(out, script);
  console.log(`dist/web/portfolio.js: ${(Buffer.byteLength(script) / 1024).toFixed(0)} KB`);
}

buildWeb().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
