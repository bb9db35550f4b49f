import type { CharacterResolvers } from '../__generated__/resolvers-types.js';

export const Character: CharacterResolvers = {
  // This service knows a character only by id; the character service vouches for its existence.
  __resolveReference: (reference) => ({ id: reference.id }),
  campaign: (character, _args, ctx) => ctx.loaders.campaignOfCharacter.load(character.id),
};
