import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import { appPackage, MANIFEST_DIR, manifestFor, manifestProblems } from '../../src/devtools/appPackage';
import { commandMap } from '../../src/teams/commands';

const BOT_ID = '0f3b1a52-4a8e-4c55-9c2e-6d0e8a1b2c3d';
const ROOT = join(__dirname, '../..');

const png = (file: string) => PNG.sync.read(readFileSync(join(MANIFEST_DIR, file)));

describe('the Teams app package', () => {
  const manifest = manifestFor(BOT_ID, 'bot.example.com');

  it('validates offline against the bundled v1.22 schema', () => {
    expect(manifest.manifestVersion).toBe('1.22');
    expect(manifestProblems(manifest)).toEqual([]);
  });

  it('the checker reports a broken manifest', () => {
    const broken = { ...manifest, bots: [{ ...manifest.bots![0]!, scopes: ['everywhere'] }] };
    expect(manifestProblems(broken as never)).toContain('/bots/0/scopes/0 must be equal to one of the allowed values');
  });

  it('names the bot from the environment and offers it in team, group chat and personal scopes', () => {
    expect(manifest.id).toBe(BOT_ID);
    expect(manifest.bots?.[0]?.botId).toBe(BOT_ID);
    expect(manifest.bots?.[0]?.scopes).toEqual(['team', 'groupChat', 'personal']);
  });

  it("lists exactly the commands the bot answers in each scope, but those kept out of Teams' menu of 10", () => {
    const commands = [...commandMap().values()].filter((c) => c.inMenu !== false);
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    const titles = (scope: string) =>
      lists.find((l) => l.scopes.includes(scope as never))?.commands.map((c) => c.title);
    expect(titles('team')).toEqual(commands.filter((c) => c.scope !== 'personal').map((c) => c.name));
    expect(titles('groupChat')).toEqual(titles('team'));
    expect(titles('personal')).toEqual(commands.filter((c) => c.scope !== 'conversation').map((c) => c.name));
  });

  it("offers the portfolio as a personal tab on the bot's own server, signed in with Teams SSO", () => {
    expect(manifest.staticTabs).toEqual([
      {
        entityId: 'portfolio',
        name: 'Portfolio',
        contentUrl: 'https://bot.example.com/tabs/portfolio',
        scopes: ['personal'],
      },
    ]);
    expect(manifest.webApplicationInfo).toEqual({ id: BOT_ID, resource: `api://bot.example.com/${BOT_ID}` });
    expect(manifest.validDomains).toEqual(['bot.example.com']);
  });

  it('has a 192×192 colour icon and a 32×32 outline icon on a transparent background', () => {
    const color = png('color.png');
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = png('outline.png');
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.data[i * 4 + 3]);
    expect(alphas[0]).toBe(0);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(20);
    const opaqueColors = new Set(
      Array.from({ length: 32 * 32 }, (_, i) => i * 4)
        .filter((o) => outline.data[o + 3] === 255)
        .map((o) => `${outline.data[o]},${outline.data[o + 1]},${outline.data[o + 2]}`),
    );
    expect(opaqueColors).toEqual(new Set(['255,255,255']));
  });

  it('zips the manifest and both icons at the root', () => {
    const files = unzipSync(appPackage(manifest));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json'])).id).toBe(BOT_ID);
  });

  it('`npm run package` writes the zip for the bot id in the environment, and refuses without one', () => {
    const run = (env: Record<string, string>, cwd: string) =>
      spawnSync(
        process.execPath,
        ['--import', pathToFileURL(require.resolve('tsx')).href, join(ROOT, 'src/devtools/package.ts')],
        {
          cwd,
          env: { PATH: process.env.PATH ?? '', ...env },
          encoding: 'utf8',
        },
      );
    const cwd = mkdtempSync(join(tmpdir(), 'package-'));
    try {
      const refused = run({}, cwd);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('MicrosoftAppId must be the bot\'s app id, a GUID (got "")');
      expect(refused.stderr).toContain('PUBLIC_URL is required in production');
      const made = run({ MicrosoftAppId: BOT_ID, PUBLIC_URL: 'https://bot.example.com' }, cwd);
      expect(made.status).toBe(0);
      const zip = unzipSync(readFileSync(join(ROOT, 'dist/app-package.zip')));
      const packaged = JSON.parse(new TextDecoder().decode(zip['manifest.json']));
      expect(packaged.bots[0].botId).toBe(BOT_ID);
      expect(packaged.staticTabs[0].contentUrl).toBe('https://bot.example.com/tabs/portfolio');
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
