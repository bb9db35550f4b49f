import { unauthenticated } from '../../../../lib/graphql/index.js';
import type { GenerationResolvers } from '../__generated__/resolvers-types.js';

export const Generation: GenerationResolvers = {
  __resolveReference: async (reference, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    return ctx.loaders.generationById.load(reference.id);
  },
  usage: (row) => ({
    promptTokens: row.promptTokens,
    completionTokens: row.completionTokens,
    totalTokens: row.promptTokens + row.completionTokens,
  }),
};
