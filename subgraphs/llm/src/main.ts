import path from 'node:path';
import { loadAuthSecret } from '#lib/auth/index.js';
import { loadHubConfig } from '#lib/config/hub-config.js';
import { repoRoot } from '#lib/config/paths.js';
import { openDatabase } from '#lib/db/index.js';
import { runSubgraph, startObservability } from '#lib/subgraph/index.js';
import { schema } from './db/schema.js';
import { createLimits } from './limits/create-limits.js';
import { ProviderRegistry } from './providers/registry.js';
import { createLlmSubgraph, LLM_MIGRATIONS_FOLDER } from './subgraph.js';
import { watchLlmConfig } from './watch-llm-config.js';

const hubFile = process.env.HUB_CONFIG ?? path.join(repoRoot, 'hub.yaml');
const observability = startObservability('llm', hubFile);
const { secret } = loadAuthSecret();
const settings = { current: loadHubConfig(hubFile).llm_service };
const providers = new ProviderRegistry(settings.current);
// REDIS_URL: the counters are shared, so that all llm instances together keep each limit.
const limits = createLimits(settings.current, process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {});
const database = await openDatabase({ service: 'llm', schema, migrationsFolder: LLM_MIGRATIONS_FOLDER });
// Keys, providers and limits follow hub.yaml without a restart.
const stopWatching = watchLlmConfig(hubFile, settings.current, (next) => {
  settings.current = next;
  providers.reload(next);
  limits.update(next);
});
await runSubgraph(
  'llm',
  createLlmSubgraph({ database, secret, settings, providers, limits }),
  async () => {
    stopWatching();
    await limits.close();
    await database.close();
    await observability.tracing.shutdown();
  },
  // The drain's own time on top of the generic hard limit: the llm's close() waits for generations in flight.
  settings.current.drain_seconds * 1000,
);
