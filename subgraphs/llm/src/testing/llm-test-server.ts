import { llmServiceConfig } from '#lib/config/llm-config.js';
import type { Database } from '#lib/db/index.js';
import { openTestDatabase } from '../../../../tests/helpers/test-database.js';
import { startSubgraphForTest, TEST_SECRET, type SubgraphClient } from '../../../../tests/helpers/subgraph-client.js';
import { schema } from '../db/schema.js';
import type { ProviderSource } from '../generations/provider-source.js';
import type { Limits } from '../limits/limits.js';
import { createLlmSubgraph, LLM_MIGRATIONS_FOLDER, type LlmSubgraph } from '../subgraph.js';

export const GENERATION_FIELDS = `id type kind status prompt text provider model seed characterId createdAt durationMs costUsd firstTokenMs
  usage { promptTokens completionTokens totalTokens } error { code message retryAfter } fallbacks { provider reason }`;

export interface LlmTestServer {
  client: SubgraphClient;
  subgraph: LlmSubgraph;
  close(): Promise<void>;
}

export function openLlmTestDatabase(): Promise<Database<typeof schema>> {
  return openTestDatabase('llm', schema, LLM_MIGRATIONS_FOLDER);
}

/** One llm subgraph over real HTTP on port 0, on a shared test database, with the given stand-ins. */
export async function startLlmTestServer(
  database: Database<typeof schema>,
  options: { providers?: ProviderSource; limits?: Limits; llmService?: Record<string, unknown>; instanceId?: string } = {},
): Promise<LlmTestServer> {
  const settings = { current: llmServiceConfig.parse(options.llmService ?? {}) };
  const subgraph = createLlmSubgraph({
    database,
    secret: TEST_SECRET,
    settings,
    providers: options.providers,
    limits: options.limits,
    instanceId: options.instanceId,
  });
  const client = await startSubgraphForTest(subgraph);
  return { client, subgraph, close: () => client.close() };
}
