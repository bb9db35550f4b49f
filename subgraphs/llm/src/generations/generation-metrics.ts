import { counter, metricsRegistry } from '#lib/telemetry/metrics-registry.js';
import type { GenerationRow } from '../db/schema.js';

/**
 * A finished generation in the llm's Prometheus series: llm_generations_total{provider,status} once, by the
 * provider that served it (or was tried last); tokens and cost by every provider that worked on it, counted as
 * Query.usage counts them (read-usage.ts): each failed attempt the limits settled from its fallbacks entry, and
 * the generation's own usage unless that same attempt is already listed there (a generation failed everywhere).
 */
export function countGeneration(row: GenerationRow): void {
  const registry = metricsRegistry('llm');
  counter(registry, 'llm_generations_total', 'Generations finished, by the provider that served them (or was tried last) and status', [
    'provider',
    'status',
  ]).inc({
    provider: row.provider,
    status: row.status,
  });
  const tokens = counter(registry, 'llm_tokens_total', 'Tokens providers worked on (settled attempts included), by provider and kind', ['provider', 'kind']);
  const cost = counter(registry, 'llm_cost_usd_total', 'Estimated cost in USD (hub.yaml pricing), by provider', ['provider']);
  const add = (provider: string, promptTokens: number, completionTokens: number, costUsd: number) => {
    tokens.inc({ provider, kind: 'prompt' }, promptTokens);
    tokens.inc({ provider, kind: 'completion' }, completionTokens);
    cost.inc({ provider }, costUsd);
  };
  let ownListed = false;
  for (const attempt of row.fallbacks) {
    if (attempt.promptTokens === undefined) continue;
    if (attempt.provider === row.provider) ownListed = true;
    add(attempt.provider, attempt.promptTokens, attempt.completionTokens ?? 0, attempt.costUsd ?? 0);
  }
  if (!ownListed) add(row.provider, row.promptTokens, row.completionTokens, row.costUsd);
}
