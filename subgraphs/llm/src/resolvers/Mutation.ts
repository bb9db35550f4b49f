import { unauthenticated } from '../../../../lib/graphql/index.js';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { generateText } from '../generations/generate-text.js';

export const Mutation: MutationResolvers = {
  generateText: async (_parent, { input }, ctx) => {
    if (!ctx.userId) throw unauthenticated();
    return { generation: await generateText(ctx, ctx.userId, input) };
  },
};
