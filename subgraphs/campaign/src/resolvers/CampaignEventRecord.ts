import { entityIdOfStream, eventRecordFields } from '#lib/event-store/index.js';
import type { CampaignEventRecordResolvers } from '../__generated__/resolvers-types.js';

export const CampaignEventRecord: CampaignEventRecordResolvers = {
  ...eventRecordFields,
  campaign: (event, _args, ctx) => ctx.loaders.campaign.load(entityIdOfStream(event.streamId, 'campaign')),
};
