import { isUuid } from '#lib/db/uuid.js';
import { readPageArgs, toConnection } from '#lib/graphql/connection.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import type { HubServices } from '../context.js';
import { canRead, requireOperator, requireUser } from './access.js';

interface TransactionCursor {
  createdAt: string;
  id: string;
}

function isCursor(value: unknown): value is TransactionCursor {
  const cursor = value as Partial<TransactionCursor> | null;
  return typeof cursor?.createdAt === 'string' && typeof cursor.id === 'string' && !Number.isNaN(Date.parse(cursor.createdAt));
}

export function queryResolvers(hub: HubServices): QueryResolvers {
  return {
    hub(_, __, ctx) {
      requireOperator(ctx);
      return { services: hub.registry.snapshot(), observability: hub.observability };
    },
    async transaction(_, { id }, ctx) {
      // Our services ask as themselves (a participant settling a branch in doubt); anyone else signs in first.
      if (ctx.identity.service === undefined) requireUser(ctx);
      // Not a UUID, or not the caller's: null, as for an unknown id, so ids of other users' transactions leak nothing.
      if (!isUuid(id)) return null;
      const row = await hub.loaders(ctx).transaction.load(id);
      return row && canRead(ctx, row) ? row : null;
    },
    async transactions(_, args, ctx) {
      const userId = requireUser(ctx);
      const page = readPageArgs(args, isCursor);
      const rows = await hub.coordinator.log.page({ initiator: userId, state: args.state ?? null, limit: page.limit, after: page.after });
      return toConnection(rows, page.limit, (row) => ({ createdAt: row.createdAt.toISOString(), id: row.id }));
    },
  };
}
