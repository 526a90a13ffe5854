// Builds the native SQLite module for a given Node (by default the one the project brings: the npm package
// `node`), whichever Node ran npm. Run by `npm install`/`npm ci` (postinstall) and by the CI script that tests
// on other Node lines: `npm run postinstall -- path/to/node/home`.
const { execFileSync } = require('node:child_process');
const { dirname, join } = require('node:path');

function bundledNodeHome() {
  const wrapper = dirname(require.resolve('node/package.json'));
  const binary = `node-${process.platform}-${process.arch}`;
  const { version } = require('node/package.json');
  // npm prunes the package the `node` package installed for itself whenever another package is added
  // (`npm install <name>`): its binary stays, but not the headers a build needs. Then the same version is
  // fetched again, into a cache beside it that npm leaves alone.
  const cache = join(wrapper, '..', '.cache', `${binary}-${version}`);
  for (const paths of [[wrapper], [cache]]) {
    try {
      return dirname(require.resolve(`${binary}/package.json`, { paths }));
    } catch {
      // not there: try the next place, or fetch it
    }
  }
  const npm = [process.env.npm_execpath, 'install', '--prefix', cache, '--no-save', '--no-audit', '--no-fund'];
  execFileSync(process.execPath, [...npm, `${binary}@${version}`], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dirname(require.resolve(`${binary}/package.json`, { paths: [cache] }));
}

if (!process.env.npm_execpath) throw new Error('run this through npm (npm_execpath is not set)');
const home = process.argv[2] || bundledNodeHome();
const node = join(home, 'bin', 'node');
// npm's own node-gyp, run by the target Node with that Node's headers: no download, no install script needed.
const nodeGyp = join(dirname(process.env.npm_execpath), '..', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const sqlite = dirname(require.resolve('better-sqlite3/package.json'));
execFileSync(node, [nodeGyp, 'rebuild', '--release', `--nodedir=${home}`], {
  cwd: sqlite,
  stdio: ['ignore', 'ignore', 'pipe'],
  // npm passes its own nodedir (this machine's npm is set to build against its Node's headers): ours wins.
  env: { ...process.env, npm_config_nodedir: home, PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}` },
});
const check = "const D = require('better-sqlite3'); new D(':memory:').close(); process.stdout.write(process.version)";
const version = execFileSync(node, ['-e', check], { encoding: 'utf8' });
process.stdout.write(`better-sqlite3 built for Node ${version}\n`);
