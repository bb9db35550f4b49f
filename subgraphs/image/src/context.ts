import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { AppDatabase } from '../../../lib/db/index.js';
import type * as schema from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ImageSettings } from './settings.js';

export type ImageDb = AppDatabase<typeof schema>;

export interface Context {
  db: ImageDb;
  loaders: Loaders;
  /** null for an anonymous caller (the gateway vouched for the request, not for a user). */
  userId: string | null;
  /** Handed back to the hub for nested calls made on behalf of this caller. */
  identityHeader: string;
  settings: ImageSettings;
}

/** One context per request: fresh DataLoaders, so batching and caching never leak between callers. */
export function createContext(db: ImageDb, settings: ImageSettings, info: RequestInfo): Context {
  return {
    db,
    loaders: createLoaders(db),
    userId: info.identity.userId,
    identityHeader: info.identityHeader,
    settings,
  };
}
