import type { ImageResolvers } from '../__generated__/resolvers-types.js';
import { imageUrl } from '../settings.js';
import { requireUser } from './require-user.js';

export const Image: ImageResolvers = {
  __resolveReference: (reference, ctx) => {
    requireUser(ctx);
    return ctx.loaders.imageById.load(reference.id);
  },
  url: (image, _args, ctx) => imageUrl(ctx.settings, image.id),
};
