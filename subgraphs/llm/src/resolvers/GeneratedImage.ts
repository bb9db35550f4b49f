import type { GeneratedImageResolvers } from '../__generated__/resolvers-types.js';

export const GeneratedImage: GeneratedImageResolvers = {
  dataUrl: (image) => `data:image/png;base64,${image.png.toString('base64')}`,
};
