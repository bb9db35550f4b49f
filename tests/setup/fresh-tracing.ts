/**
 * Unit test files share a worker's module cache (vitest.config.ts: isolate: false, several times faster than a
 * fresh module graph per file). The process-wide tracer is module state: each file starts without the one an
 * earlier file left behind, as it would in a process of its own.
 */
import { currentTracing } from '#lib/telemetry/index.js';

await currentTracing()?.shutdown();
