import { randomUUID } from 'node:crypto';
import type { EventFeed } from '../../../lib/event-store/index.js';
import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { AppDatabase } from '../../../lib/db/index.js';
import type * as schema from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ImageSettings } from './settings.js';

export type ImageDb = AppDatabase<typeof schema>;

export interface Context {
  db: ImageDb;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the image events (subscriptions). */
  eventFeed: EventFeed<typeof schema>;
  /** null for an anonymous caller (the gateway vouched for the request, not for a user). */
  userId: string | null;
  /** Set when one of our services calls for itself ('hub' for the transaction coordinator): lib/transactions. */
  callerService: string | null;
  /** Handed back to the hub for nested calls made on behalf of this caller. */
  identityHeader: string;
  settings: ImageSettings;
  /** Follows this request's writes through the event store: the caller's `x-request-id`, else a fresh UUID. */
  correlationId: string;
}

// A request id is a trace token, not a payload: anything longer is not one we issued or could index usefully.
const MAX_REQUEST_ID_LENGTH = 200;

/** One context per request: fresh DataLoaders, so batching and caching never leak between callers. */
export function createContext(db: ImageDb, settings: ImageSettings, eventFeed: EventFeed<typeof schema>, info: RequestInfo): Context {
  return {
    db,
    loaders: createLoaders(db),
    eventFeed,
    userId: info.identity.userId,
    callerService: info.identity.service ?? null,
    identityHeader: info.identityHeader,
    settings,
    correlationId: requestCorrelationId(info.request),
  };
}

/** The incoming `x-request-id` when it is a plausible id (non-blank, at most 200 characters), else a new UUID. */
function requestCorrelationId(request: Request): string {
  const header = request.headers.get('x-request-id')?.trim();
  return header && header.length <= MAX_REQUEST_ID_LENGTH ? header : randomUUID();
}
