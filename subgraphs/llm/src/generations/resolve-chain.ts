import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { badUserInput, userError } from '#lib/graphql/index.js';
import type { Capability, Provider } from '../providers/provider.js';
import type { ProviderSource } from './provider-source.js';

/** One provider of a chain with the model to ask it for. */
export interface ChainStep {
  provider: Provider;
  model: string;
}

/**
 * The providers to try for a request, in order, each with its model: the requested model for the requested
 * provider, each fallback's own default model. An unknown provider or model is the caller's mistake
 * (BAD_USER_INPUT naming it), checked before anything is reserved or stored.
 */
export function resolveChain(
  source: ProviderSource,
  capability: Capability,
  requested: { provider: string | null; model: string | null },
  config: LlmServiceConfig,
  prefix = 'input',
): ChainStep[] {
  if (requested.provider !== null) {
    const provider = source.get(requested.provider);
    if (!provider) {
      const known = source.statuses().map((s) => s.name);
      throw badUserInput(`${prefix}.provider "${requested.provider}" is not a configured provider (one of ${known.join(', ') || 'none'})`, {
        field: `${prefix}.provider`,
      });
    }
    if (!provider.capabilities.includes(capability)) {
      throw badUserInput(`${prefix}.provider "${requested.provider}" does not generate ${capability === 'text' ? 'text' : 'images'}`, {
        field: `${prefix}.provider`,
      });
    }
  }
  const chain = source.chain(capability, requested.provider ?? undefined);
  const first = chain[0];
  if (!first) {
    throw userError('SERVICE_UNAVAILABLE', `No ${capability} provider is configured: add one (e.g. local: {}) under llm_service.providers in hub.yaml.`);
  }
  let model = defaultModel(first, capability, config);
  if (requested.model !== null) {
    const models = [...new Set([model, ...first.status().models])];
    if (!models.includes(requested.model)) {
      throw badUserInput(`${prefix}.model "${requested.model}" is not a model of provider "${first.name}" (one of ${models.join(', ')})`, {
        field: `${prefix}.model`,
      });
    }
    model = requested.model;
  }
  return chain.map((provider, index) => ({ provider, model: index === 0 ? model : defaultModel(provider, capability, config) }));
}

/**
 * An image request that names no model gets the provider's image model: hub.yaml's image_model, else the provider's
 * own image default (openai's dall-e-3, local's avatar style), and only then its model (image-only providers). Its text
 * model would be refused by an image endpoint, or recorded as the model of a picture it did not draw.
 */
function defaultModel(provider: Provider, capability: Capability, config: LlmServiceConfig): string {
  if (capability === 'image') return config.providers[provider.name]?.image_model ?? provider.defaultImageModel ?? provider.defaultModel;
  return provider.defaultModel;
}
