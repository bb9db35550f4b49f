import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import type { Database } from '#lib/db/index.js';
import { EventFeed } from '#lib/event-store/index.js';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';
import { contextFactory } from './context.js';
import type { schema } from './db/schema.js';
import { resolvers } from './resolvers/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CHARACTER_SCHEMA_PATH = path.join(here, '..', 'schema.graphql');
export const CHARACTER_MIGRATIONS = path.join(here, '..', 'drizzle');

export interface CharacterSubgraphOptions {
  database: Database<typeof schema>;
  secret: string;
  /** Default HUB_URL. */
  hubUrl?: string;
}

/** The character subgraph, built but not listening (tests start it on port 0). */
export function createCharacterSubgraph({ database, secret, hubUrl }: CharacterSubgraphOptions): SubgraphServer {
  const eventFeed = new EventFeed(database.db);
  return createSubgraphServer({
    name: 'character',
    typeDefs: parse(readFileSync(CHARACTER_SCHEMA_PATH, 'utf8')),
    resolvers,
    secret,
    ...(hubUrl ? { hubUrl } : {}),
    createContext: contextFactory(database.db, eventFeed),
    eventFeed,
    idempotency: database.db,
  });
}
