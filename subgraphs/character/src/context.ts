import { randomUUID } from 'node:crypto';
import type { EventFeed } from '../../../lib/event-store/index.js';
import type { RequestInfo } from '../../../lib/subgraph/index.js';
import { unauthenticated } from '../../../lib/graphql/index.js';
import type { CharacterDb, schema } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: CharacterDb;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the character events (subscriptions). */
  eventFeed: EventFeed<typeof schema>;
  userId: string | null;
  /** Set when one of our services calls for itself ('hub' for the transaction coordinator): lib/transactions. */
  callerService: string | null;
  /** The caller's signed identity, handed back to the hub for calls made on the caller's behalf. */
  identityHeader: string;
  /** Ties the events this request records to the request (metadata.correlationId): x-request-id, else a fresh UUID. */
  correlationId: string;
}

// Long enough for any tracing id (W3C trace ids are 55 chars), short enough not to bloat every event's metadata.
const MAX_CORRELATION_ID_LENGTH = 200;

function correlationIdOf(request: Request): string {
  const given = request.headers.get('x-request-id')?.trim();
  return given ? given.slice(0, MAX_CORRELATION_ID_LENGTH) : randomUUID();
}

/** A fresh context (and fresh DataLoaders) per request: a loader's cache must never outlive its request. */
export function contextFactory(db: CharacterDb, eventFeed: EventFeed<typeof schema>) {
  return ({ identity, identityHeader, request }: RequestInfo): Context => ({
    db,
    loaders: createLoaders(db),
    eventFeed,
    userId: identity.userId,
    callerService: identity.service ?? null,
    identityHeader,
    correlationId: correlationIdOf(request),
  });
}

/** The signed-in user's id; anonymous callers can neither read nor change characters. */
export function requireUser(ctx: Context): string {
  if (!ctx.userId) throw unauthenticated();
  return ctx.userId;
}
