import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageSettingsFromProcess } from '../config';
import { appPackage, manifestFor, manifestProblems } from './appPackage';

/** `npm run package`: writes dist/app-package.zip for the bot named by MicrosoftAppId, served at PUBLIC_URL. */
async function main(): Promise<void> {
  const { appId, domain } = packageSettingsFromProcess();
  const manifest = manifestFor(appId, domain);
  const problems = manifestProblems(manifest);
  if (problems.length > 0) throw new Error(`The manifest is not valid:\n  ${problems.join('\n  ')}`);
  const dir = join(__dirname, '../../dist');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'app-package.zip');
  writeFileSync(file, appPackage(manifest));
  console.log(`Wrote ${file}: upload it in Teams (Apps → Manage your apps → Upload an app).`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
