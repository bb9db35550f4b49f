/**
 * A temporary hub.yaml for tests and benches of the llm service: its `llm_service` and the gateway's llm section,
 * written where HUB_CONFIG can name it. Validated here as start-up would, so a bad fixture fails at once with the
 * key named instead of as a platform that never gets ready.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { parseHubConfig } from '#lib/config/hub-config.js';

export interface LlmHubYaml {
  /** The file, for HUB_CONFIG. */
  file: string;
  remove(): void;
}

export function writeLlmHubYaml(
  name: string,
  config: { llm_service: Record<string, unknown>; services?: Record<string, unknown>; message_hub?: Record<string, unknown> },
): LlmHubYaml {
  const dir = mkdtempSync(path.join(tmpdir(), `${name}-`));
  const file = path.join(dir, 'hub.yaml');
  const text = stringify(config);
  parseHubConfig(text, file);
  writeFileSync(file, text);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
