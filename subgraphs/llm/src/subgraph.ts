import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { createSubgraphServer, type SubgraphServer } from '../../../lib/subgraph/index.js';
import type { Database } from '../../../lib/db/index.js';
import { createContext } from './context.js';
import type { schema } from './db/schema.js';
import { createProviderRegistry, type ProviderRegistry } from './providers/registry.js';
import { resolvers } from './resolvers/index.js';

export const LLM_MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));
const typeDefs = parse(readFileSync(fileURLToPath(new URL('../schema.graphql', import.meta.url)), 'utf8'));

export interface LlmSubgraphOptions {
  database: Database<typeof schema>;
  secret: string;
  /** Default: the local provider only (what hub.yaml configures out of the box); main.ts passes hub.yaml's. */
  providers?: ProviderRegistry;
}

/** Builds the llm subgraph without listening, so tests start it on port 0. */
export function createLlmSubgraph({ database, secret, providers }: LlmSubgraphOptions): SubgraphServer {
  const registry = providers ?? createProviderRegistry({ local: {} }, () => undefined);
  return createSubgraphServer({
    name: 'llm',
    typeDefs,
    resolvers,
    secret,
    createContext: (info) => createContext(database.db, registry, info),
  });
}
