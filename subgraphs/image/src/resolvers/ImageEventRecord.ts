import { entityIdOfStream, eventRecordFields } from '../../../../lib/event-store/index.js';
import type { ImageEventRecordResolvers } from '../__generated__/resolvers-types.js';

export const ImageEventRecord: ImageEventRecordResolvers = {
  ...eventRecordFields,
  image: (event, _args, ctx) => ctx.loaders.imageById.load(entityIdOfStream(event.streamId, 'image')),
};
