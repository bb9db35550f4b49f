import type { ReplayTarget } from '#lib/event-store/replay-target.js';
import { schema } from '../db/schema.js';
import { CAMPAIGN_MIGRATIONS } from '../subgraph.js';
import { campaignProjection } from './projection.js';

/** What `npm run replay -- campaign` rebuilds: the campaign read tables from the campaign event store. */
export const replayTarget: ReplayTarget<typeof schema> = {
  schema,
  migrationsFolder: CAMPAIGN_MIGRATIONS,
  projection: campaignProjection,
};
