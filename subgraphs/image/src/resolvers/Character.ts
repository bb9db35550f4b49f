import type { CharacterResolvers } from '../__generated__/resolvers-types.js';
import { requireUser } from './require-user.js';

export const Character: CharacterResolvers = {
  // The representation already carries what portrait needs (id and the @requires field); nothing to load here.
  __resolveReference: (reference) => reference,
  portrait: (character, _args, ctx) => {
    requireUser(ctx);
    // A portrait id whose image was deleted resolves to null, as the schema says.
    return character.portraitImageId ? ctx.loaders.imageById.load(character.portraitImageId) : null;
  },
};
