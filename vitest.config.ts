import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', 'tests/**/*.e2e.ts'],
    exclude: ['node_modules/**', '.data/**'],
    // End-to-end files start real processes (PGlite boot ~2-4 s each on 2 cores): give them room.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2 cores: more parallel files than that only makes every PGlite boot slower.
    maxWorkers: 2,
    env: { APOLLO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  },
});
