import { forbidden, notFound, readPageArgs, toConnection } from '#lib/graphql/index.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { activeCampaignDungeonMaster } from '../hub/hub-queries.js';
import { checkRoll } from '../rolls/check-roll.js';
import { previousRoll, rollById, rollsOf } from '../rolls/roll-store.js';

const isPositionCursor = (value: unknown): value is { position: number } =>
  typeof value === 'object' && value !== null && Number.isSafeInteger((value as { position?: unknown }).position);

/** The owner, or the dungeon master of the character's active campaign (who reads its events too). */
async function requireRollReader(ctx: Context, characterId: string): Promise<void> {
  const userId = requireUser(ctx);
  const row = await ctx.loaders.character.load(characterId);
  if (!row) throw notFound(`no character with id ${characterId}`);
  if (row.owner === userId) return;
  if (row.activeCampaignId && (await activeCampaignDungeonMaster(ctx, characterId)) === userId) return;
  throw forbidden("only the character's owner and the dungeon master of its campaign list its rolls");
}

export const rollQueries: Pick<QueryResolvers, 'rolls' | 'verifyRoll'> = {
  rolls: async (_parent, { characterId, first, after }, ctx) => {
    await requireRollReader(ctx, characterId);
    const page = readPageArgs({ first, after }, isPositionCursor);
    const rolls = await rollsOf(ctx.db, characterId, page.limit + 1, page.after?.position ?? null);
    const connection = toConnection(rolls, page.limit, (roll) => ({ position: roll.globalPosition }));
    return { edges: connection.edges, pageInfo: connection.pageInfo };
  },

  verifyRoll: async (_parent, { rollId }, ctx) => {
    requireUser(ctx);
    const roll = await rollById(ctx.db, rollId);
    if (!roll) throw notFound(`no roll with id ${rollId}`);
    return checkRoll(roll, await previousRoll(ctx.db, roll));
  },
};
