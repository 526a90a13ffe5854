// Builds the native SQLite module for a given Node (by default the one the project brings: the npm package
// `node`), whichever Node ran npm. Run by `npm install`/`npm ci` (postinstall) and by the CI scripts that test
// on other Node lines: `node src/devtools/nativeModules.cjs [path/to/node/home]`.
const { execFileSync } = require('node:child_process');
const { dirname, join } = require('node:path');

function bundledNodeHome() {
  const wrapper = dirname(require.resolve('node/package.json'));
  const binary = `node-${process.platform}-${process.arch}/package.json`;
  return dirname(require.resolve(binary, { paths: [wrapper] }));
}

const home = process.argv[2] || bundledNodeHome();
const node = join(home, 'bin', 'node');
const npm = process.env.npm_execpath;
if (!npm) throw new Error('run this through npm (npm_execpath is not set)');
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
execFileSync(node, [npm, 'rebuild', 'better-sqlite3', `--nodedir=${home}`], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, PATH: `${join(home, 'bin')}:${process.env.PATH ?? ''}` },
});
process.stdout.write(`better-sqlite3 built for Node ${version}\n`);
