import type { EventFeed } from '#lib/event-store/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '#lib/subgraph/index.js';
import type { CharacterDb, schema } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context extends CallerContext {
  db: CharacterDb;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the character events (subscriptions). */
  eventFeed: EventFeed<typeof schema>;
}

/** A fresh context (and fresh DataLoaders) per request: a loader's cache must never outlive its request. */
export function contextFactory(db: CharacterDb, eventFeed: EventFeed<typeof schema>) {
  return (info: RequestInfo): Context => ({ ...callerContext(info), db, loaders: createLoaders(db), eventFeed });
}

export { requireUser } from '#lib/subgraph/index.js';
