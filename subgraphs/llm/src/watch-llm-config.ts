import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { processLogger } from '#lib/telemetry/logger.js';

// 150 ms: an editor writes a file in several events within a few ms; one reload per save (as the gateway's watcher).
const SETTLE_MS = 150;

/**
 * Calls `onChange` with hub.yaml's new llm_service whenever the file changes to something valid and different.
 * A file that does not parse or validate is reported in one line naming the key, and the running config stays.
 * Returns a stop function.
 */
export function watchLlmConfig(
  file: string,
  initial: LlmServiceConfig,
  onChange: (config: LlmServiceConfig) => void,
  log = (line: string) => processLogger('llm').info(line),
): () => void {
  const name = path.basename(file);
  let current = JSON.stringify(initial);
  let timer: NodeJS.Timeout | undefined;
  let queue = Promise.resolve();

  const reload = async () => {
    let next: LlmServiceConfig;
    try {
      next = parseHubConfig(await readFile(file, 'utf8'), name).llm_service;
    } catch (err) {
      // One line: the validation message lists each bad key on its own indented line.
      const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
      log(`ignored the changed ${name}, keeping the running llm_service: ${message}`);
      return;
    }
    const text = JSON.stringify(next);
    if (text === current) return;
    current = text;
    onChange(next);
    log(`llm_service reloaded from ${name} (providers: ${Object.keys(next.providers).join(', ')})`);
  };

  // The directory, not the file: an editor that replaces the file (write + rename) would leave a file watcher deaf.
  const watcher = watch(path.dirname(file), (_event, changed) => {
    if (changed !== null && changed !== name) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      queue = queue.then(reload);
    }, SETTLE_MS);
  });
  watcher.unref();
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
