import type { AppDatabase } from '../../../lib/db/index.js';
import type { RequestInfo } from '../../../lib/subgraph/index.js';
import type { schema } from './db/schema.js';
import type { GenerationServices } from './generations/services.js';
import { createLoaders, type Loaders } from './loaders.js';

export type LlmDatabase = AppDatabase<typeof schema>;

export interface Context extends GenerationServices {
  loaders: Loaders;
  userId: string | null;
  /** The caller's signed identity, handed back to the hub for calls made on their behalf. */
  identityHeader: string;
  /** Aborted when the client disconnects: the generation it asked for is cancelled at the provider. */
  signal: AbortSignal;
}

export function createContext(services: GenerationServices, { identity, identityHeader, request }: RequestInfo): Context {
  return {
    ...services,
    loaders: createLoaders(services.db, identity.userId),
    userId: identity.userId,
    identityHeader,
    signal: request.signal,
  };
}
