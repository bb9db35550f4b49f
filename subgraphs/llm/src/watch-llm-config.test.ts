import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { llmServiceConfig, type LlmServiceConfig } from '#lib/config/llm-config.js';
import { watchLlmConfig } from './watch-llm-config.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 60 && !check(); i++) await sleep(50);
}

describe('watchLlmConfig', () => {
  it('hands over a changed valid llm_service, and keeps the running one on an invalid file with one line naming the key', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'api-watch-'));
    dirs.push(dir);
    const file = path.join(dir, 'hub.yaml');
    writeFileSync(file, 'llm_service:\n  providers:\n    local: {}\n');
    const changes: LlmServiceConfig[] = [];
    const lines: string[] = [];
    const stop = watchLlmConfig(
      file,
      llmServiceConfig.parse({}),
      (next) => changes.push(next),
      (line) => lines.push(line),
    );
    try {
      writeFileSync(file, 'llm_service:\n  max_tokens: 512\n  providers:\n    local: {}\n');
      await until(() => changes.length > 0);
      expect(changes.map((c) => c.max_tokens)).toEqual([512]);

      writeFileSync(file, 'llm_service:\n  max_tokens: -1\n  providers:\n    local: {}\n');
      await until(() => lines.some((l) => l.includes('ignored')));
      const refusal = lines.find((l) => l.includes('ignored'));
      expect(refusal).toContain('llm_service.max_tokens');
      expect(refusal).not.toContain('\n');
      expect(changes).toHaveLength(1);
    } finally {
      stop();
    }
  });
});
