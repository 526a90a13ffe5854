import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One rule per folder of src/teams: which sibling folders it may not import, so the tree stays layered. */
function teamsLayers(layers) {
  return Object.entries(layers).map(([folder, { not, why }]) => ({
    files: [`src/teams/${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...not.map((sibling) => ({
              group: [`../${sibling}`, `../${sibling}/*`],
              message: `${folder}/ may not import ${sibling}/: ${why}.`,
            })),
            ...(folder === 'views'
              ? [{ group: ['botbuilder*'], message: 'views are plain data, without botbuilder.' }]
              : []),
          ],
        },
      ],
    },
  }));
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'Fail through errors, not process.exit.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['src/**/*.ts'],
    // devtools pass the environment through to the Playground child process; they read no settings.
    ignores: ['src/config.ts', 'src/devtools/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only src/config.ts reads process.env.' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/teams/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['botbuilder*', 'botframework-*'], message: 'botbuilder stays inside src/teams/.' }] },
      ],
    },
  },
  ...teamsLayers({
    views: {
      not: ['actions', 'commands', 'cards', 'turn', 'http', 'outbound', 'deps'],
      why: 'views turn data into card data',
    },
    turn: { not: ['actions', 'commands', 'cards', 'http'], why: 'turn helpers serve actions and commands' },
    http: { not: ['turn', 'actions', 'commands', 'cards', 'views', 'deps'], why: 'the HTTP edge knows no handler' },
    outbound: { not: ['turn', 'actions', 'commands', 'cards', 'views', 'http', 'deps'], why: 'outbound only sends' },
    cards: { not: ['actions', 'commands', 'http'], why: 'cards are rendered and posted for handlers' },
  }),
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    languageOptions: {
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly', process: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
