/**
 * What the generation code needs of the provider registry: the ordered chain of providers for a request (the
 * requested or first capable provider, then its fallbacks), lookup by name, statuses and reload. The registry in
 * providers/ implements it; tests pass stand-ins.
 */
import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import type { Capability, Provider, ProviderStatus } from '../providers/provider.js';

export interface ProviderSource {
  /** The providers to try in order; the requested one first when given. Empty when none can serve the capability. */
  chain(capability: Capability, requestedName?: string): Provider[];
  get(name: string): Provider | undefined;
  statuses(): ProviderStatus[];
  reload(config: LlmServiceConfig): void;
}

/** hub.yaml's llm_service as it stands now: replaced as a whole when hub.yaml changes. */
export interface LlmSettings {
  current: LlmServiceConfig;
}
