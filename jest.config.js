/**
 * Two projects: `fast` is what a developer runs while working (npm run test:fast, under a minute); `slow`
 * holds the tests that start browsers, bot processes or the Cosmos DB emulator, and the 10,000-change
 * trail. `npm test` runs both.
 */
const SLOW = [
  'test/e2e/**/*.test.ts',
  'test/reliability/{outbound,replies,shutdown,telemetry,twoInstances}.test.ts',
  'test/reminders/instances.test.ts',
  'test/teams/playbookVersions.test.ts',
  'test/store/{cosmos,cosmosLayout,sqliteTrail}.test.ts',
];

/** The same files as path patterns, for the fast project to leave out. */
const slowPattern = (glob) =>
  glob
    .replace(/[.]/g, '\\.')
    .replace(/\*\*\/\*/g, '.*')
    .replace(/\{([^}]+)\}/g, (_, names) => `(${names.split(',').join('|')})`);

const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': 'ts-jest' },
};

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  projects: [
    {
      ...shared,
      displayName: 'fast',
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      testPathIgnorePatterns: SLOW.map((glob) => `<rootDir>/${slowPattern(glob)}$`),
    },
    { ...shared, displayName: 'slow', testMatch: SLOW.map((glob) => `<rootDir>/${glob}`) },
  ],
};
