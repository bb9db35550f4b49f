import type { EventFeed } from '../../../lib/event-store/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '../../../lib/subgraph/index.js';
import type { AppDatabase } from '../../../lib/db/index.js';
import type * as schema from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ImageSettings } from './settings.js';

export type ImageDb = AppDatabase<typeof schema>;

export interface Context extends CallerContext {
  db: ImageDb;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the image events (subscriptions). */
  eventFeed: EventFeed<typeof schema>;
  settings: ImageSettings;
}

/** One context per request: fresh DataLoaders, so batching and caching never leak between callers. */
export function createContext(db: ImageDb, settings: ImageSettings, eventFeed: EventFeed<typeof schema>, info: RequestInfo): Context {
  return { ...callerContext(info), db, loaders: createLoaders(db), eventFeed, settings };
}
