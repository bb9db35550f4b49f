import type { TransactionResolvers } from '../__generated__/resolvers-types.js';
import type { HubServices } from '../context.js';

export function transactionResolvers(hub: HubServices): TransactionResolvers {
  return {
    branches: (transaction, _, ctx) => hub.loaders(ctx).branches.load(transaction.id),
    attempts: async (transaction, _, ctx) => {
      const branches = await hub.loaders(ctx).branches.load(transaction.id);
      return branches.reduce((sum, branch) => sum + branch.attempts, 0);
    },
    durationMs: (transaction) => (transaction.finishedAt ? transaction.finishedAt.getTime() - transaction.createdAt.getTime() : null),
  };
}
