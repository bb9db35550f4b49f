import type { RequestInfo } from '../../../lib/subgraph/index.js';
import { unauthenticated } from '../../../lib/graphql/index.js';
import type { CharacterDb } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';

export interface Context {
  db: CharacterDb;
  loaders: Loaders;
  userId: string | null;
  /** The caller's signed identity, handed back to the hub for calls made on the caller's behalf. */
  identityHeader: string;
}

/** A fresh context (and fresh DataLoaders) per request: a loader's cache must never outlive its request. */
export function contextFactory(db: CharacterDb) {
  return ({ identity, identityHeader }: RequestInfo): Context => ({
    db,
    loaders: createLoaders(db),
    userId: identity.userId,
    identityHeader,
  });
}

/** The signed-in user's id; anonymous callers can neither read nor change characters. */
export function requireUser(ctx: Context): string {
  if (!ctx.userId) throw unauthenticated();
  return ctx.userId;
}
