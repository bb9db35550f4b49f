import type { EventFeed } from '#lib/event-store/index.js';
import { callerCampaigns, type CallerCampaigns } from '#lib/gateway-client/index.js';
import { callerContext, type CallerContext, type RequestInfo } from '#lib/subgraph/index.js';
import type { UrlKey } from './http/image-access-token.js';
import type { AppDatabase } from '#lib/db/index.js';
import type * as schema from './db/schema.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { ImageSettings } from './settings.js';

export type ImageDb = AppDatabase<typeof schema>;

export interface Context extends CallerContext {
  db: ImageDb;
  /** Per request; a subscription replaces them for each event (resolvers/Subscription.ts). */
  loaders: Loaders;
  /** This process's live feed of the image events (subscriptions). */
  eventFeed: EventFeed<typeof schema>;
  settings: ImageSettings;
  /** Signs the URLs of images that are not PUBLIC (http/image-access-token.ts). */
  urlKey: UrlKey;
  /** Where the caller stands in their campaigns, asked of the campaign service once per request when needed. */
  campaigns: () => Promise<CallerCampaigns>;
}

/** One context per request: fresh DataLoaders, so batching and caching never leak between callers. */
export function createContext(db: ImageDb, settings: ImageSettings, urlKey: UrlKey, eventFeed: EventFeed<typeof schema>, info: RequestInfo): Context {
  let standing: Promise<CallerCampaigns> | undefined;
  const campaigns = () => (standing ??= callerCampaigns(info.hub, 'image'));
  return { ...callerContext(info), db, loaders: createLoaders(db), eventFeed, settings, urlKey, campaigns };
}
