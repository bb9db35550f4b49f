// Lint: @eslint/js and typescript-eslint recommended, plus the type-aware rules that catch what tsc does not (a
// promise nobody awaits, `any` flowing into typed code). The gateway's folder rule (gateway/eslint.boundaries.mjs)
// is its own config, run by `npm run lint:boundaries` and gateway/src/folder-rule.test.ts.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/__generated__/**', '**/drizzle/**', '**/dist/**', '.data/**', '.build/**', '.ci/**', 'frontend-sdk/src/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Plain-JS scripts and configs run on Node: its globals (process, console) are defined.
  { files: ['**/*.{js,mjs}'], languageOptions: { globals: globals.node } },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // `const { dropped, ...rest } = value` is how a field is left out of a copy: not an unused variable.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
    },
  },
  {
    // One write path (lib/domain/README.md): the event store, the command runner and the services' decisions speak
    // in domain errors; GraphQL codes are given at the edge alone (lib/subgraph/domain-error-mapping.ts).
    files: ['lib/event-store/**/*.ts', 'lib/domain/**/*.ts', 'subgraphs/*/src/mutations/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'graphql', message: 'Throw a domain error (#lib/domain); the subgraph kit maps it to its GraphQL code.' }],
          patterns: [
            {
              regex: '(^#lib/graphql(/|$))|(/lib/graphql/)|(^\\.\\./graphql/)',
              message: 'Throw a domain error (#lib/domain); the subgraph kit maps it to its GraphQL code.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers of every shape through helpers typed `Record<string, any>` on purpose: the
    // assertions (`expect(...).toEqual`) are their type check, and a test's `any` never reaches production code.
    files: ['**/*.test.ts', '**/*.e2e.ts', 'tests/**', '**/testing/**', 'bench/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
);
