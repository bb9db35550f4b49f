import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql module for everything: vitest would otherwise load graphql's ESM build for our code and
    // yoga/apollo would load its CommonJS build, so `instanceof GraphQLError` fails across the two copies
    // (the "dual package hazard"); tsx at run time already resolves both to the CommonJS build.
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    // *.pg.test.ts and *.pg.e2e.ts prove what only a PostgreSQL server can show (lock contention, schemas, a test's
    // own connection holding a lock a service needs): they join the run when DATABASE_URL names one, as in .ci/run's
    // second pass.
    // *.redis.test.ts and *.redis.e2e.ts likewise prove what only a shared Redis can show (two llm instances holding
    // one limit together): they join the run when REDIS_URL names one.
    exclude: [
      'node_modules/**',
      '.data/**',
      '.build/**',
      ...(process.env.DATABASE_URL ? [] : ['**/*.pg.test.ts', '**/*.pg.e2e.ts']),
      ...(process.env.REDIS_URL ? [] : ['**/*.redis.test.ts', '**/*.redis.e2e.ts']),
    ],
    // End-to-end files start real processes (PGlite boot ~2-4 s each on 2 cores): give them room.
    testTimeout: 60_000,
    // 240 s: a beforeAll that starts the platform may wait up to 150 s for it on a loaded machine (tests/helpers/platform.ts).
    hookTimeout: 240_000,
    // 2 cores: more parallel files than that only makes every PGlite boot slower.
    maxWorkers: 2,
    env: { APOLLO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    projects: [
      {
        extends: true,
        // Files of in-process tests share each worker's module cache: importing yoga, apollo and PGlite afresh for
        // every file took more time than the tests (CI near its 15 minutes); the setup file resets the one piece
        // of process state tests configure (the tracer).
        test: { name: 'unit', include: ['**/*.test.ts'], isolate: false, setupFiles: ['tests/setup/fresh-tracing.ts'] },
      },
      // End-to-end files keep a fresh process each: they spawn the platform and set environment variables.
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.e2e.ts'] } },
    ],
  },
});
