/**
 * The providers of hub.yaml's llm_service, built and rebuilt from it: the only thing the rest of the llm service asks
 * for a provider. Order matters: hub.yaml's order picks the default provider of each capability, and each provider's
 * `fallback` list says who is tried after it.
 */
import type { LlmServiceConfig, ProviderConfig, ProviderType } from '#lib/config/llm-config.js';
import { KeyRing } from './key-ring.js';
import { LocalProvider, type LocalProviderOptions } from './local/local-provider.js';
import { OpenAiProvider } from './openai/openai-provider.js';
import type { Capability, Provider, ProviderStatus } from './provider.js';
import { StableDiffusionProvider } from './stable-diffusion/stable-diffusion-provider.js';
import { processLogger } from '#lib/telemetry/logger.js';

/** A request named a provider hub.yaml does not configure: the caller's mistake (BAD_USER_INPUT). */
export class UnknownProviderError extends Error {
  readonly code = 'BAD_USER_INPUT';

  constructor(
    readonly providerName: string,
    readonly known: readonly string[],
  ) {
    super(`"${providerName}" is not a configured provider (one of ${known.join(', ') || 'none'})`);
    this.name = 'UnknownProviderError';
  }
}

export interface ProviderRegistryOptions {
  /** One line per provider that cannot serve now, at start-up and on reload (never a key). */
  log?: (line: string) => void;
  local?: LocalProviderOptions;
}

export class ProviderRegistry {
  #providers = new Map<string, Provider>();
  #fallbacks = new Map<string, string[]>();

  constructor(
    config: LlmServiceConfig,
    private readonly options: ProviderRegistryOptions = {},
  ) {
    this.reload(config);
  }

  /**
   * The providers to try, in order: the requested one (or the first configured with the capability), then its
   * fallback list, keeping only those with the capability and never one twice. Empty when none can serve it, or the
   * requested one cannot. Throws UnknownProviderError for a name hub.yaml does not configure.
   */
  chain(capability: Capability, requestedName?: string): Provider[] {
    let first: Provider | undefined;
    if (requestedName !== undefined) {
      first = this.#providers.get(requestedName);
      if (!first) throw new UnknownProviderError(requestedName, [...this.#providers.keys()]);
      if (!first.capabilities.includes(capability)) return [];
    } else {
      first = [...this.#providers.values()].find((p) => p.capabilities.includes(capability));
      if (!first) return [];
    }
    const chain = [first];
    for (const name of this.#fallbacks.get(first.name) ?? []) {
      const next = this.#providers.get(name);
      if (next && next.capabilities.includes(capability) && !chain.includes(next)) chain.push(next);
    }
    return chain;
  }

  get(name: string): Provider | undefined {
    return this.#providers.get(name);
  }

  /** Every provider in hub.yaml order with its health, models, key states (ids only) and fallback list. */
  statuses(): ProviderStatus[] {
    return [...this.#providers.values()].map((p) => ({ ...p.status(), fallback: [...(this.#fallbacks.get(p.name) ?? [])] }));
  }

  /**
   * Rebuilds every provider from the new config. Keys keep their state by id (a key that answered 401 stays out,
   * a rate-limited one keeps its retry time), so a reload neither forgets a bad key nor revives it; a changed key is
   * a new id and starts ACTIVE. Calls already running finish on the providers they started with.
   */
  reload(config: LlmServiceConfig): void {
    const previousKeys = new Map<string, KeyRing>();
    for (const [name, provider] of this.#providers) if (provider instanceof OpenAiProvider) previousKeys.set(name, provider.keys);
    const providers = new Map<string, Provider>();
    const fallbacks = new Map<string, string[]>();
    for (const [name, providerConfig] of Object.entries(config.providers)) {
      providers.set(name, this.#build(name, providerConfig, previousKeys.get(name)));
      fallbacks.set(name, providerConfig.fallback ?? []);
    }
    this.#providers = providers;
    this.#fallbacks = fallbacks;
    const log = this.options.log ?? ((line: string) => processLogger('llm').warn(line));
    for (const status of this.statuses()) {
      if (!status.healthy) log(`provider "${status.name}" (${status.type}) cannot serve now: ${status.reason ?? 'unhealthy'}; its fallbacks are used instead.`);
    }
  }

  #build(name: string, config: ProviderConfig, previousKeys: KeyRing | undefined): Provider {
    // llm-config's schema already refused unknown types; the entry's name is its type when none is given.
    const type = (config.type ?? name) as ProviderType;
    switch (type) {
      case 'openai':
        return new OpenAiProvider(name, config, previousKeys);
      case 'stable_diffusion':
        return new StableDiffusionProvider(name, config);
      case 'local':
        return new LocalProvider(name, this.options.local);
    }
  }
}
