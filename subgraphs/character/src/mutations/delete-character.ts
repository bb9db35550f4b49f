import { and, eq } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '#lib/graphql/index.js';
import { events } from '#lib/event-store/index.js';
import type { DeleteCharacterInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import { characterStreamId } from '../events/character-events.js';
import { recordCharacterEvents } from '../events/record-character-events.js';
import { guardResources } from '#lib/transactions/index.js';
import { characterResource } from '../transactions/payloads.js';

export async function deleteCharacter(input: DeleteCharacterInput, ctx: Context): Promise<{ deletedCharacterId: string }> {
  const userId = requireUser(ctx);
  const row = await findCharacter(ctx.db, input.id);
  if (!row) throw notFound(`no character with id ${input.id}`);
  if (row.owner !== userId) throw forbidden('only the owner can delete this character');
  // Expected version 'any': an award landing between the read and the delete must not turn it into a CONFLICT.
  await ctx.db.transaction(async (tx) => {
    // Guarded first, so no joinParty can prepare between this read and the delete: a character in a party must
    // leave it first, or the campaign would keep a party member that no longer exists.
    await guardResources(tx, [characterResource(row.id)]);
    const current = await findCharacter(tx, row.id);
    if (current?.activeCampaignId) {
      throw conflict(`${current.name} is in the party of campaign ${current.activeCampaignId}; leave the party first (leaveParty)`, {
        characterId: row.id,
        campaignId: current.activeCampaignId,
      });
    }
    const { fromVersion } = await recordCharacterEvents(tx, ctx, row.id, 'any', [{ type: 'CharacterDeleted', data: { characterId: row.id } }]);
    // Under the stream lock: if a concurrent delete committed first, its event is the one right before ours,
    // and this delete must fail (rolling our event back) rather than record a second deletion.
    const [previous] = await tx
      .select({ type: events.type })
      .from(events)
      .where(and(eq(events.streamId, characterStreamId(row.id)), eq(events.streamVersion, fromVersion - 1)));
    if (previous?.type === 'CharacterDeleted') throw notFound(`no character with id ${input.id}`);
  });
  ctx.loaders.character.clear(row.id);
  return { deletedCharacterId: row.id };
}
