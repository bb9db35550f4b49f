import { visibleImage } from '../access/image-access.js';
import { entityIdOfStream, eventRecordFields } from '#lib/event-store/index.js';
import type { ImageEventRecordResolvers } from '../__generated__/resolvers-types.js';

export const ImageEventRecord: ImageEventRecordResolvers = {
  ...eventRecordFields,
  image: async (event, _args, ctx) => visibleImage(ctx, await ctx.loaders.imageById.load(entityIdOfStream(event.streamId, 'image'))),
};
