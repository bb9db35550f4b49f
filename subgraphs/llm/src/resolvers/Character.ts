import { badUserInput, MAX_PAGE_SIZE, unauthenticated } from '#lib/graphql/index.js';
import type { CharacterResolvers } from '../__generated__/resolvers-types.js';

export const Character: CharacterResolvers = {
  // The character subgraph owns characters; here a reference is all this subgraph needs.
  __resolveReference: (reference) => ({ id: reference.id }),
  generations: async (character, { first }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw badUserInput(`first must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`, { field: 'first' });
    }
    return ctx.loaders.characterGenerations.load({ characterId: character.id, first });
  },
};
