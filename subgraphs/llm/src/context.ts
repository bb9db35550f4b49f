import type { AppDatabase } from '#lib/db/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '#lib/subgraph/index.js';
import type { schema } from './db/schema.js';
import type { GenerationServices } from './generations/services.js';
import { callerCampaigns } from '#lib/gateway-client/index.js';
import { createLoaders, type Loaders } from './loaders.js';

export type LlmDatabase = AppDatabase<typeof schema>;

export interface Context extends GenerationServices, CallerContext {
  loaders: Loaders;
  /** Aborted when the client disconnects: the generation it asked for is cancelled at the provider. */
  signal: AbortSignal;
}

export function createContext(services: GenerationServices, info: RequestInfo): Context {
  let campaigns: Promise<ReadonlySet<string>> | undefined;
  const dmCampaigns = () => (campaigns ??= callerCampaigns(info.hub, 'llm').then((standing) => standing.runs));
  return { ...services, ...callerContext(info), loaders: createLoaders(services.db, info.identity.userId, dmCampaigns), signal: info.request.signal };
}
