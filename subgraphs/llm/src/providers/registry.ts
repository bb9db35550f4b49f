import type { HubConfig } from '../../../../lib/config/hub-config.js';
import { LocalTextProvider } from './local/local-text-provider.js';
import type { TextProvider } from './text-provider.js';

type ProviderConfigs = HubConfig['llm_service']['providers'];
type ProviderConfig = ProviderConfigs[string];

/**
 * Text providers this build can construct, by their hub.yaml name. A later issue adds `openai` (and
 * OpenAI-compatible endpoints) here; the resolvers only ever ask the registry.
 */
const TEXT_FACTORIES: Record<string, (config: ProviderConfig) => TextProvider> = {
  local: () => new LocalTextProvider(),
};

export interface ProviderRegistry {
  /** The provider that answers generateText: the first available one, in hub.yaml order. Null when none is. */
  readonly text: TextProvider | null;
  /** Every provider usable now, by name. */
  readonly available: ReadonlyMap<string, TextProvider>;
  /** Names configured in hub.yaml that this build cannot use yet (reported at start-up, never fatal). */
  readonly unavailable: readonly string[];
}

/**
 * Builds the registry from `llm_service.providers`. A configured provider this build does not implement
 * is logged in one clear line and skipped: hub.yaml can already list openai and stable_diffusion without
 * the service refusing to start.
 */
export function createProviderRegistry(configs: ProviderConfigs, log: (line: string) => void = console.log): ProviderRegistry {
  const available = new Map<string, TextProvider>();
  const unavailable: string[] = [];
  for (const [name, config] of Object.entries(configs)) {
    const factory = TEXT_FACTORIES[name];
    if (factory) available.set(name, factory(config));
    else unavailable.push(name);
  }
  const implemented = Object.keys(TEXT_FACTORIES).join(', ');
  for (const name of unavailable) {
    log(`llm: provider "${name}" is configured in llm_service.providers but not yet available in this version (implemented: ${implemented}); skipping it.`);
  }
  const text = available.values().next().value ?? null;
  if (text) log(`llm: text generation served by provider "${text.name}".`);
  else log(`llm: no available text provider in llm_service.providers (implemented: ${implemented}); generateText will answer SERVICE_UNAVAILABLE.`);
  return { text, available, unavailable };
}
