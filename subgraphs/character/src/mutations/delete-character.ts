import { forbidden, notFound } from '../../../../lib/graphql/index.js';
import type { DeleteCharacterInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { deleteCharacterOwnedBy, findCharacter } from '../db/character-store.js';

export async function deleteCharacter(input: DeleteCharacterInput, ctx: Context): Promise<{ deletedCharacterId: string }> {
  const userId = requireUser(ctx);
  const row = await findCharacter(ctx.db, input.id);
  if (!row) throw notFound(`no character with id ${input.id}`);
  if (row.owner !== userId) throw forbidden('only the owner can delete this character');
  // The owner condition is repeated in the DELETE itself; false means someone else deleted it meanwhile.
  if (!(await deleteCharacterOwnedBy(ctx.db, row.id, userId))) throw notFound(`no character with id ${input.id}`);
  ctx.loaders.character.clear(row.id);
  return { deletedCharacterId: row.id };
}
