// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Code rules; the layer rules (who may import what) are checked by dependency-cruiser. */
export default tseslint.config(
  // The web console is a browser app with its own tsconfig and ESLint config (apps/console/eslint.config.js).
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.local/**', 'data/**', 'bench/results/**', 'apps/console/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', URL: 'readonly' } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|describe|test)$/]", message: 'no .only left behind' }],
    },
  },
  {
    // The domain never reads a clock, makes an id or does I/O (STYLE §6).
    files: ['libs/domain/src/**/*.ts'],
    ignores: ['libs/domain/src/**/*.spec.ts', 'libs/domain/src/testing/**'],
    rules: {
      'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch', 'crypto'],
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'the domain gets `now` from the command' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'the domain gets `now` from the command' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'ids and randomness arrive in commands' }],
      'no-restricted-imports': ['error', { patterns: [{ regex: '^[^.]', message: 'libs/domain imports nothing outside itself (no packages, no node: built-ins)' }] }],
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts', '**/testing/**', 'test/**', 'bench/**', 'scripts/**', 'examples/**', 'deploy/**'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', URL: 'readonly', TextEncoder: 'readonly', AbortController: 'readonly', fetch: 'readonly', module: 'writable', require: 'readonly', __dirname: 'readonly', performance: 'readonly', global: 'readonly' } },
    rules: { 'no-console': 'off', '@typescript-eslint/no-require-imports': 'off' },
  },
);
