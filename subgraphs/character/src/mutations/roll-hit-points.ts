import { conflict, forbidden, invalidInput, notFound, StreamVersionConflict } from '#lib/domain/index.js';
import type { RollHitPointsInput } from '../__generated__/resolvers-types.js';
import { sheetOfState, stateOf } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { Term } from '../dice/index.js';
import { rollOfEvent } from '../rolls/roll-record.js';
import { modifierOf } from './play-command.js';
import { recordRoll } from './record-roll.js';
import { clientSeedOf } from './roll-input.js';

/**
 * rollHitPoints: the SRD's "roll the class's hit die, add your Constitution modifier" for one level reached, with the
 * provable dice. The die is stored as that level's hit point roll (hitPointRolls[level - 2]); the rules add CON on
 * read, as for every stored roll. Levels go in order so each stored roll is the one rolled for its level.
 */
export async function rollHitPoints(input: RollHitPointsInput, ctx: Context) {
  const userId = requireUser(ctx);
  const clientSeed = clientSeedOf(input.clientSeed);
  const row = await findCharacter(ctx.db, input.characterId);
  if (!row) throw notFound(`no character with id ${input.characterId}`);
  if (row.owner !== userId) throw forbidden('only the owner rolls for this character');
  const state = stateOf(row);
  const sheet = sheetOfState(state);
  const next = state.hitPointRolls.length + 2;
  const refuse = (rule: string, message: string) => invalidInput(message, { field: 'level', rule });
  // Level 1 takes the die's maximum (SRD), so it is never rolled.
  if (input.level < 2 || input.level > sheet.level) {
    throw refuse('HIT_POINTS_LEVEL_NOT_REACHED', `level ${input.level} is not a level above 1 the character (level ${sheet.level}) has reached`);
  }
  if (input.level < next) throw refuse('HIT_POINTS_ALREADY_ROLLED', `level ${input.level}'s hit points are already rolled`);
  if (input.level > next) throw refuse('HIT_POINTS_ROLL_ORDER', `roll level ${next} first: levels are rolled in order`);
  const constitution = modifierOf(sheet, 'CONSTITUTION');
  const terms: Term[] = [{ kind: 'dice', sign: 1, count: 1, sides: sheet.hitDie }];
  if (constitution !== 0) terms.push({ kind: 'constant', value: constitution });
  try {
    // The version read: a concurrent change of the hit point rolls (updateCharacter) must not be overwritten.
    const { character, roll, recordedAt } = await recordRoll(ctx, row.id, row.version, {
      terms,
      clientSeed,
      purpose: `hit points, level ${input.level}`,
      hitPoints: (dice) => ({ level: input.level, hitPointRolls: [...state.hitPointRolls, dice[0]!.value] }),
    });
    ctx.loaders.character.clear(character.id).prime(character.id, character);
    return { character, roll: rollOfEvent({ data: roll, recordedAt, globalPosition: 0, streamVersion: character.version }) };
  } catch (error) {
    if (error instanceof StreamVersionConflict) {
      throw conflict('the character changed while its hit points were rolled: reload and roll again', { currentVersion: error.actualVersion });
    }
    throw error;
  }
}
