import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { Database } from '#lib/db/index.js';
import { EventFeed } from '#lib/event-store/index.js';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';
import { createContext } from './context.js';
import type { CampaignSchema } from './db/schema.js';
import { resolvers } from './resolvers/index.js';

export const CAMPAIGN_SCHEMA_PATH = fileURLToPath(new URL('../schema.graphql', import.meta.url));
export const CAMPAIGN_MIGRATIONS = fileURLToPath(new URL('../drizzle', import.meta.url));

export interface CampaignSubgraphOptions {
  database: Database<CampaignSchema>;
  secret: string;
}

/** The campaign subgraph, built but not listening: main.ts listens on its port, tests on port 0. */
export function createCampaignSubgraph({ database, secret }: CampaignSubgraphOptions): SubgraphServer {
  const eventFeed = new EventFeed(database.db);
  return createSubgraphServer({
    name: 'campaign',
    typeDefs: parse(readFileSync(CAMPAIGN_SCHEMA_PATH, 'utf8')),
    resolvers,
    secret,
    createContext: (info) => createContext(database.db, eventFeed, info),
    eventFeed,
    idempotency: database.db,
  });
}
