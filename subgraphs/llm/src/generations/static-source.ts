import type { Provider } from '../providers/provider.js';
import type { ProviderSource } from './provider-source.js';

/**
 * A fixed set of providers with fallback lists: the chain is the requested (or first capable) provider, then its
 * fallbacks that have the capability, each once. Tests build their stand-in providers into one.
 */
export function createStaticSource(providers: Provider[], fallbacks: Record<string, string[]> = {}): ProviderSource {
  const byName = new Map(providers.map((p) => [p.name, p]));
  return {
    chain: (capability, requestedName) => {
      const first = requestedName ? byName.get(requestedName) : providers.find((p) => p.capabilities.includes(capability));
      if (!first) return [];
      const names = [first.name, ...(fallbacks[first.name] ?? [])];
      const chain = [...new Set(names)].map((name) => byName.get(name)).filter((p): p is Provider => p !== undefined);
      return chain.filter((p) => p.capabilities.includes(capability));
    },
    get: (name) => byName.get(name),
    statuses: () => providers.map((p) => ({ ...p.status(), fallback: fallbacks[p.name] ?? [] })),
    // Fixed: no configuration changes these providers.
    reload: () => undefined,
  };
}
