import type { BatchItemResolvers } from '../__generated__/resolvers-types.js';

export const BatchItem: BatchItemResolvers = {
  error: (item) => item.error,
};
