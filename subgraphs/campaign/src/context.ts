import type { EventFeed } from '#lib/event-store/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '#lib/subgraph/index.js';
import type { CampaignDatabase } from './db/database.js';
import type { CampaignSchema } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context extends CallerContext {
  db: CampaignDatabase;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the campaign events (subscriptions). */
  eventFeed: EventFeed<CampaignSchema>;
}

/** A fresh context (and fresh DataLoaders) per request, so that no cached row outlives the request. */
export function createContext(db: CampaignDatabase, eventFeed: EventFeed<CampaignSchema>, info: RequestInfo): Context {
  return { ...callerContext(info), db, loaders: createLoaders(db), eventFeed };
}

/** The event metadata of this request's writes. */
export function writeMetadata(ctx: Context): { correlationId: string; userId: string | null } {
  return { correlationId: ctx.correlationId, userId: ctx.userId };
}
