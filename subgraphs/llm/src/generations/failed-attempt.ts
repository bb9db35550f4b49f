import type { FallbackRecord } from '../db/schema.js';
import type { TokenUsage } from '../providers/provider.js';

/**
 * The record of a provider that failed and was passed over. `counted` is given when the limits settled the attempt
 * (the provider worked on the prompt): Query.usage then counts its tokens and cost under that provider, so a stream
 * cut half-way is paid for in the usage as it is in the limits.
 */
export function failedAttempt(provider: string, reason: string, counted: { usage: TokenUsage; costUsd: number } | null): FallbackRecord {
  if (!counted) return { provider, reason };
  return { provider, reason, promptTokens: counted.usage.promptTokens, completionTokens: counted.usage.completionTokens, costUsd: counted.costUsd };
}
