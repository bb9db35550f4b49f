import { conflict } from '#lib/domain/index.js';
import type { DeleteCharacterInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { deleteCharacterStream } from '../events/run-character-command.js';
import { requireOwner } from './play-command.js';

export async function deleteCharacter(input: DeleteCharacterInput, ctx: Context): Promise<{ deletedCharacterId: string }> {
  const userId = requireUser(ctx);
  // Guarded and locked before the row is read, so no joinParty can prepare in between: a character in a party must
  // leave it first, or the campaign would keep a party member that no longer exists. A concurrent delete that
  // committed first leaves no row to load: NOT_FOUND, never a second deletion.
  await deleteCharacterStream(ctx, {
    characterId: input.id,
    authorize: requireOwner(userId, 'only the owner can delete this character'),
    decide: (row) => {
      if (row.activeCampaignId) {
        throw conflict(`${row.name} is in the party of campaign ${row.activeCampaignId}; leave the party first (leaveParty)`, {
          characterId: row.id,
          campaignId: row.activeCampaignId,
        });
      }
      return { events: [{ type: 'CharacterDeleted', data: { characterId: row.id } }], outcome: undefined };
    },
  });
  return { deletedCharacterId: input.id };
}
