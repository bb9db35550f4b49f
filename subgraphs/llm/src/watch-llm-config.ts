import path from 'node:path';
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { parseHubConfig } from '#lib/config/hub-config.js';
import { watchFile } from '#lib/config/watch-file.js';
import { processLogger } from '#lib/telemetry/logger.js';

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

  const refuse = (err: unknown) => {
    // One line: the validation message lists each bad key on its own indented line.
    const message = (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
    log(`ignored the changed ${name}, keeping the running llm_service: ${message}`);
  };

  const watcher = watchFile(file, {
    onReadError: refuse,
    onText: (yaml) => {
      let next: LlmServiceConfig;
      try {
        next = parseHubConfig(yaml, name).llm_service;
      } catch (err) {
        refuse(err);
        return;
      }
      const text = JSON.stringify(next);
      if (text === current) return;
      current = text;
      onChange(next);
      log(`llm_service reloaded from ${name} (providers: ${Object.keys(next.providers).join(', ')})`);
    },
  });
  // Synchronous for main.ts's shutdown, which has nothing to wait for: a reload already running may still finish.
  return () => void watcher.close();
}
