import { randomUUID } from 'node:crypto';
import type { EventFeed } from '../../../lib/event-store/index.js';
import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { CampaignDatabase } from './db/database.js';
import type { CampaignSchema } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

// 200: request ids are UUIDs or short trace ids; a longer header is not an id we could match, so we mint our own.
const MAX_CORRELATION_ID_LENGTH = 200;

export interface Context {
  db: CampaignDatabase;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the campaign events (subscriptions). */
  eventFeed: EventFeed<CampaignSchema>;
  /** The signed-in caller; null for an anonymous request. */
  userId: string | null;
  /** Set when one of our services calls for itself ('hub' for the transaction coordinator): lib/transactions. */
  callerService: string | null;
  /** The gateway's signed identity header as received: handed back to the hub for calls made for this caller. */
  identityHeader: string;
  /** Carried into the metadata of every event this request appends: the caller's x-request-id, else a fresh UUID. */
  correlationId: string;
}

/** The request's x-request-id when it is a usable id (1 to 200 characters), else a fresh UUID. */
export function correlationIdOf(request: Request): string {
  const header = request.headers.get('x-request-id')?.trim();
  return header && header.length <= MAX_CORRELATION_ID_LENGTH ? header : randomUUID();
}

/** A fresh context (and fresh DataLoaders) per request, so that no cached row outlives the request. */
export function createContext(db: CampaignDatabase, eventFeed: EventFeed<CampaignSchema>, info: RequestInfo): Context {
  return {
    db,
    loaders: createLoaders(db),
    eventFeed,
    userId: info.identity.userId,
    callerService: info.identity.service ?? null,
    identityHeader: info.identityHeader,
    correlationId: correlationIdOf(info.request),
  };
}

/** The event metadata of this request's writes. */
export function writeMetadata(ctx: Context): { correlationId: string; userId: string | null } {
  return { correlationId: ctx.correlationId, userId: ctx.userId };
}
