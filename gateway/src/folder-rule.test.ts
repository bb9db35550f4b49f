import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '#lib/config/paths.js';

describe("the gateway's folders", () => {
  it('import downward only (gateway/eslint.boundaries.mjs)', async () => {
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: path.join(repoRoot, 'gateway', 'eslint.boundaries.mjs') });
    const results = await eslint.lintFiles(['gateway/src']);
    const errors = results.flatMap((result) =>
      result.messages
        .filter((message) => message.severity === 2)
        .map((message) => `${path.relative(repoRoot, result.filePath)}:${message.line} ${message.message}`),
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
