import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import type { ProviderStatus as GraphQLProviderStatus } from '../__generated__/resolvers-types.js';
import type { ProviderStatus } from '../providers/provider.js';

/** A registry status as the API shows it: capabilities as GenerationType, keys by fingerprint only. */
export function toProviderStatus(status: ProviderStatus, config: LlmServiceConfig): GraphQLProviderStatus {
  return {
    name: status.name,
    type: status.type,
    capabilities: status.capabilities.map((c) => (c === 'text' ? 'TEXT' : 'IMAGE')),
    models: status.models,
    healthy: status.healthy,
    reason: status.reason ?? null,
    // Built field by field: whatever else a status object carries never reaches the client.
    keys: status.keys.map((key) => ({ id: key.id, state: key.state, until: key.until ?? null })),
    fallback: status.fallback ?? config.providers[status.name]?.fallback ?? [],
  };
}
