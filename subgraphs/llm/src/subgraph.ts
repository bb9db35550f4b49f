import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { Gauge } from 'prom-client';
import { llmServiceConfig } from '#lib/config/llm-config.js';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';
import type { Database } from '#lib/db/index.js';
import { createContext } from './context.js';
import type { schema } from './db/schema.js';
import { startCancelPoller } from './generations/cancel-poller.js';
import { startAbandonedSweeper } from './generations/sweep-abandoned.js';
import type { LlmSettings, ProviderSource } from './generations/provider-source.js';
import { RunningGenerations } from './generations/running-generations.js';
import type { GenerationServices } from './generations/services.js';
import { createLimits } from './limits/create-limits.js';
import { ProviderRegistry } from './providers/registry.js';
import type { Limits } from './limits/limits.js';
import { resolvers } from './resolvers/index.js';

export const LLM_MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));
const typeDefs = parse(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));

export interface LlmSubgraphOptions {
  database: Database<typeof schema>;
  secret: string;
  /** hub.yaml's llm_service, kept current by main.ts on reload. Default: its defaults (local only). */
  settings?: LlmSettings;
  /** Default: the providers of `settings`; tests pass stand-ins. */
  providers?: ProviderSource;
  /** Default: in-process limits from `settings`; tests pass small ones or stand-ins. */
  limits?: Limits;
  /** Default: the host, process and a random suffix, unique among instances. */
  instanceId?: string;
}

export interface LlmSubgraph extends SubgraphServer {
  services: GenerationServices;
}

/** Builds the llm subgraph without listening, so tests start it on port 0. */
export function createLlmSubgraph(options: LlmSubgraphOptions): LlmSubgraph {
  const settings = options.settings ?? { current: llmServiceConfig.parse({}) };
  const services: GenerationServices = {
    db: options.database.db,
    providers: options.providers ?? new ProviderRegistry(settings.current),
    limits: options.limits ?? createLimits(settings.current),
    settings,
    running: new RunningGenerations(),
    instanceId: options.instanceId ?? `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
  };
  const stopPoller = startCancelPoller(services.db, services.running, services.instanceId);
  const stopSweeper = startAbandonedSweeper(services.db, services.instanceId);
  const server = createSubgraphServer({
    name: 'llm',
    typeDefs,
    resolvers,
    secret: options.secret,
    createContext: (info) => createContext(services, info),
    idempotency: options.database.db,
    metrics: (registry) => {
      new Gauge({
        name: 'llm_running_generations',
        help: 'Generations (text and image) running in this server: a provider call under way',
        registers: [registry],
        collect() {
          this.set(services.running.size);
        },
      });
    },
  });
  return {
    ...server,
    services,
    close: async () => {
      // Draining: /readiness 503 and new generations refused (SERVICE_UNAVAILABLE with retryAfter), while streams
      // and generations in flight run to their end, their usage stored by the normal path, for up to drain_seconds.
      services.draining = true;
      server.beginDraining();
      const deadline = Date.now() + settings.current.drain_seconds * 1000;
      // 100 ms: a finished stream's HTTP answer is written by then; the cost of polling is nil.
      while (services.running.size > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      stopPoller();
      stopSweeper();
      // Streams still running end CANCELLED with their usage, rather than staying RUNNING for ever.
      await services.running.abortAll();
      await server.close();
      // Limits made here are closed here; those passed in belong to the caller (main.ts, a test).
      if (!options.limits) await services.limits.close();
    },
  };
}
