import type { AppDatabase } from '../../../lib/db/index.js';
import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { schema } from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ProviderRegistry } from './providers/registry.js';

export type LlmDatabase = AppDatabase<typeof schema>;

export interface Context {
  db: LlmDatabase;
  loaders: Loaders;
  userId: string | null;
  /** The caller's signed identity, handed back to the hub for calls made on their behalf. */
  identityHeader: string;
  providers: ProviderRegistry;
  /** Aborted when the client disconnects: passed to providers so remote calls are cancelled. */
  signal: AbortSignal;
}

export function createContext(db: LlmDatabase, providers: ProviderRegistry, { identity, identityHeader, request }: RequestInfo): Context {
  return {
    db,
    loaders: createLoaders(db, identity.userId),
    userId: identity.userId,
    identityHeader,
    providers,
    signal: request.signal,
  };
}
