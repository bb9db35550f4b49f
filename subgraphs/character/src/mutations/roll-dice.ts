import { forbidden, notFound } from '#lib/domain/index.js';
import type { RollDiceInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import { rollOfEvent } from '../rolls/roll-record.js';
import { recordRoll } from './record-roll.js';
import { clientSeedOf, purposeOf, termsOf } from './roll-input.js';

/**
 * rollDice: the owner rolls for their character. Decision: the owner only, not the dungeon master of its campaign.
 * A roll is the player's act on the player's sheet (a DM rolls for monsters and NPCs, which are not characters here);
 * the DM sees every roll of the party live (partyRolls) and can verify each, which is what a table needs from the DM.
 * A roll commutes with everything else on the sheet, so it needs no expectedVersion: the seed's row lock orders rolls.
 */
export async function rollDice(input: RollDiceInput, ctx: Context) {
  const userId = requireUser(ctx);
  const terms = termsOf(input.expression, input.mode);
  const clientSeed = clientSeedOf(input.clientSeed);
  const purpose = purposeOf(input.purpose);
  const row = await findCharacter(ctx.db, input.characterId);
  if (!row) throw notFound(`no character with id ${input.characterId}`);
  if (row.owner !== userId) throw forbidden('only the owner rolls for this character');
  const { character, roll, recordedAt } = await recordRoll(ctx, row.id, 'any', { terms, clientSeed, purpose });
  ctx.loaders.character.clear(character.id).prime(character.id, character);
  return { character, roll: rollOfEvent({ data: roll, recordedAt, globalPosition: 0, streamVersion: character.version }) };
}
