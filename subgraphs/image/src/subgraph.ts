import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { Database } from '#lib/db/index.js';
import { EventFeed } from '#lib/event-store/index.js';
import { createSubgraphServer, type SubgraphServer } from '#lib/subgraph/index.js';
import { createContext } from './context.js';
import type * as schema from './db/schema.js';
import { maxGraphqlBodyBytes } from './http/body-limit.js';
import { imageRoute } from './http/image-route.js';
import { imageUrlKey } from './http/image-access-token.js';
import { resolvers } from './resolvers/index.js';
import { DEFAULT_MAX_BYTES, type ImageSettings } from './settings.js';
import { protocolResolvers } from '#lib/transactions/index.js';
import { imageParticipant } from './transactions/store-portrait.js';

const typeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

export interface CreateImageSubgraphOptions {
  database: Database<typeof schema>;
  secret: string;
  /** Defaults: 5 MiB, gateway-relative URLs (main.ts passes loadImageSettings()). */
  settings?: Partial<ImageSettings>;
}

/** The image subgraph, built without listening so that tests can start it on a free port. */
export function createImageSubgraph({ database, secret, settings: overrides = {} }: CreateImageSubgraphOptions): SubgraphServer {
  const settings: ImageSettings = { maxBytes: DEFAULT_MAX_BYTES, publicBaseUrl: '', ...overrides };
  const urlKey = imageUrlKey(secret);
  const serveImage = imageRoute(database.db, urlKey);
  const eventFeed = new EventFeed(database.db);
  return createSubgraphServer({
    name: 'image',
    typeDefs,
    // The hub's two-phase commit protocol (@inaccessible: only the hub's coordinator calls it).
    resolvers: { ...resolvers, Mutation: { ...resolvers.Mutation, ...protocolResolvers(imageParticipant(settings)) } },
    secret,
    createContext: (info) => createContext(database.db, settings, urlKey, eventFeed, info),
    eventFeed,
    idempotency: database.db,
    // The largest upload's base64 in its envelope: above it, 413 before a byte is read (the kit's own check).
    maxBodyBytes: maxGraphqlBodyBytes(settings.maxBytes),
    route: (req, res) => serveImage(req, res),
  });
}
