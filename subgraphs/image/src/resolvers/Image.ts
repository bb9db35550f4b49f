import type { ImageResolvers } from '../__generated__/resolvers-types.js';
import { visibleImage } from '../access/image-access.js';
import { accessToken } from '../http/image-access-token.js';
import { imageUrl } from '../settings.js';

export const Image: ImageResolvers = {
  __resolveReference: async (reference, ctx) => visibleImage(ctx, await ctx.loaders.imageById.load(reference.id)),
  // Every path to an Image went through visibleImage: whoever reads this URL may see the image.
  url: (image, _args, ctx) => {
    const url = imageUrl(ctx.settings, image.id);
    return image.visibility === 'PUBLIC' ? url : `${url}?access=${accessToken(ctx.urlKey, image.id)}`;
  },
};
