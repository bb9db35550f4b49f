// The gateway's folder rule: each folder of gateway/src is a layer, and a file imports only from its own layer or
// from layers below it, so that no two folders depend on each other. `npm run lint:boundaries`, and
// gateway/src/folder-rule.test.ts runs it under `npm test`. Kept apart from eslint.config.js so that it can be
// merged as one section.
import boundaries from 'eslint-plugin-boundaries';
import tseslint from 'typescript-eslint';

/** Top to bottom: a layer may import every layer after it in this list. */
export const GATEWAY_LAYERS = [
  ['app', ['gateway/src/create-gateway.ts', 'gateway/src/main.ts']],
  ['build', ['gateway/src/build/**']],
  ['routes', ['gateway/src/routes/**']],
  ['http', ['gateway/src/http/**']],
  ['plugins', ['gateway/src/plugins/**']],
  ['subscriptions', ['gateway/src/subscriptions/**']],
  ['demand-control', ['gateway/src/demand-control/**']],
  ['gateway-subgraph', ['gateway/src/gateway-subgraph/**']],
  ['data-source', ['gateway/src/data-source/**', 'gateway/src/fetch-pipeline/**']],
  ['context', ['gateway/src/context/**']],
  ['observability', ['gateway/src/observability/**']],
  ['resilience', ['gateway/src/resilience/**']],
  ['identity', ['gateway/src/identity/**']],
  // Start-up configuration and the supergraph file, GraphiQL's options, the error mask: read by app and build only.
  ['support', ['gateway/src/*.ts']],
];

const below = (index) => GATEWAY_LAYERS.slice(index).map(([type]) => type);

export default [
  {
    files: ['gateway/src/**/*.ts'],
    // Tests and fixtures may reach any layer: they check the layers, they are not one.
    ignores: ['gateway/src/**/*.test.ts', 'gateway/src/testing/**', 'gateway/src/gateway-subgraph/__generated__/**'],
    languageOptions: { parser: tseslint.parser, parserOptions: { sourceType: 'module' } },
    plugins: { boundaries },
    settings: {
      'boundaries/elements': GATEWAY_LAYERS.map(([type, pattern]) => ({ type, pattern, mode: 'full' })),
      'boundaries/include': ['gateway/src/**/*.ts'],
      'import/resolver': { typescript: { project: 'tsconfig.json' } },
    },
    rules: {
      'boundaries/dependencies': [
        2,
        {
          default: 'disallow',
          policies: [
            ...GATEWAY_LAYERS.map(([type], index) => ({
              from: { element: { type } },
              allow: { to: { element: { types: { anyOf: below(index) } } } },
            })),
          ],
        },
      ],
    },
  },
];
