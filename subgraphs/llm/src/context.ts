import type { AppDatabase } from '#lib/db/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '#lib/subgraph/index.js';
import type { schema } from './db/schema.js';
import type { GenerationServices } from './generations/services.js';
import { callerCampaigns, type CallerCampaigns } from '#lib/gateway-client/index.js';
import { createLoaders, type Loaders } from './loaders.js';

export type LlmDatabase = AppDatabase<typeof schema>;

export interface Context extends GenerationServices, CallerContext {
  loaders: Loaders;
  /** Aborted when the client disconnects: the generation it asked for is cancelled at the provider. */
  signal: AbortSignal;
  /** The caller's campaigns, asked of the campaign service once per request. */
  campaigns(): Promise<CallerCampaigns>;
}

export function createContext(services: GenerationServices, info: RequestInfo): Context {
  let standing: Promise<CallerCampaigns> | undefined;
  const campaigns = () => (standing ??= callerCampaigns(info.hub, 'llm'));
  const dmCampaigns = () => campaigns().then((mine) => mine.runs);
  return {
    ...services,
    ...callerContext(info),
    loaders: createLoaders(services.db, info.identity.userId, dmCampaigns),
    signal: info.request.signal,
    campaigns,
  };
}
