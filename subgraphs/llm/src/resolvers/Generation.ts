import { unauthenticated } from '#lib/graphql/index.js';
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
  error: (row) => (row.errorCode ? { code: row.errorCode, message: row.errorMessage ?? '', retryAfter: row.errorRetryAfter } : null),
  images: (row, _args, ctx) => (row.type === 'IMAGE' ? ctx.loaders.imagesByGeneration.load(row.id) : []),
  // Attempts stored before they carried usage, and refusals, counted nothing: 0.
  fallbacks: (row) =>
    row.fallbacks.map((f) => ({
      provider: f.provider,
      reason: f.reason,
      promptTokens: f.promptTokens ?? 0,
      completionTokens: f.completionTokens ?? 0,
      costUsd: f.costUsd ?? 0,
    })),
  // The character subgraph resolves the rest from the reference.
  character: (row) => (row.characterId ? { id: row.characterId } : null),
};
