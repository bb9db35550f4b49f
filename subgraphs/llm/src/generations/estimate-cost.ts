import type { ProviderConfig } from '#lib/config/llm-config.js';

const PER_MILLION = 1_000_000;

/** USD from hub.yaml's pricing of the provider; 0 where no price is configured (local, a self-hosted endpoint). */
export function estimateCost(
  pricing: ProviderConfig['pricing'] | undefined,
  usage: { promptTokens: number; completionTokens: number; images?: number },
): number {
  if (!pricing) return 0;
  const input = ((pricing.input_per_million_tokens ?? 0) * usage.promptTokens) / PER_MILLION;
  const output = ((pricing.output_per_million_tokens ?? 0) * usage.completionTokens) / PER_MILLION;
  const images = (pricing.per_image ?? 0) * (usage.images ?? 0);
  return input + output + images;
}
