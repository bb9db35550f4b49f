import type { CharacterResolvers } from '../__generated__/resolvers-types.js';
import { visibleImage } from '../access/image-access.js';

export const Character: CharacterResolvers = {
  // The representation already carries what portrait needs (id and the @requires field); nothing to load here.
  __resolveReference: (reference) => reference,
  // A portrait id whose image was deleted (or that the caller may not see) resolves to null, as the schema says.
  portrait: async (character, _args, ctx) => visibleImage(ctx, character.portraitImageId ? await ctx.loaders.imageById.load(character.portraitImageId) : null),
};
