import type { PrepareSpellsInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import type { CharacterRow } from '../db/schema.js';
import { updateCharacter } from './update-character.js';

/**
 * The daily preparation (SRD 5.1 "Preparing and Casting Spells": a new list after a long rest): an update of the
 * prepared spells alone, so it is owner only, CONFLICT on a stale version, validated as a whole state and recorded
 * as the same CharacterUpdated event as any other change (a replay needs nothing new).
 */
export async function prepareSpells(input: PrepareSpellsInput, ctx: Context): Promise<{ character: CharacterRow }> {
  return updateCharacter({ id: input.characterId, expectedVersion: input.expectedVersion, preparedSpells: input.spells }, ctx);
}
