/**
 * The resolver types every subgraph compiles against are generated from its schema.graphql by codegen.ts:
 * a schema edited without `npm run codegen` leaves them stale, and this test says so.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';

describe('generated resolver types', () => {
  it('match the subgraph schemas (run `npm run codegen` when this fails)', () => {
    let output: string;
    let exitCode = 0;
    try {
      // --check: generate in memory and exit 1 when a file on disk differs.
      output = execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--check'], { cwd: repoRoot, encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const failure = err as { status: number; stdout: string; stderr: string };
      exitCode = failure.status;
      output = `${failure.stdout}\n${failure.stderr}`;
    }
    expect(exitCode, output).toBe(0);
  });
});
