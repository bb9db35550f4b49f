import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { CampaignDatabase } from './db/database.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: CampaignDatabase;
  loaders: Loaders;
  /** The signed-in caller; null for an anonymous request. */
  userId: string | null;
  /** The gateway's signed identity header as received: handed back to the hub for calls made for this caller. */
  identityHeader: string;
}

/** A fresh context (and fresh DataLoaders) per request, so that no cached row outlives the request. */
export function createContext(db: CampaignDatabase, info: RequestInfo): Context {
  return { db, loaders: createLoaders(db), userId: info.identity.userId, identityHeader: info.identityHeader };
}
