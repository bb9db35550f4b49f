import { forbidden, invalidInput } from '#lib/domain/index.js';
import { sheetOfState, stateOf, type CharacterState } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import type { CharacterRow } from '../db/schema.js';
import type { CharacterEvent } from '../events/character-events.js';
import { runCharacterCommand } from '../events/run-character-command.js';
import { spendableResources, type Ability, type CharacterSheet, type SpendableResources } from '../rules/index.js';

/** What a play command decides from the stored character: its one event, and what the payload adds to the character. */
export interface PlayDecision<R> {
  event: CharacterEvent;
  payload: R;
}

export interface PlayInput {
  characterId: string;
  expectedVersion: number;
}

/** SRD Exhaustion level 6 is death: a dead character takes no rest and uses nothing. */
export function refuseIfDead(sheet: CharacterSheet): void {
  if (sheet.dead) throw invalidInput('the character is dead (exhaustion 6)', { field: 'characterId', rule: 'CHARACTER_IS_DEAD' });
}

/** The owner alone changes a character's sheet; checked before its version, so others learn no version. */
export function requireOwner(userId: string, message = 'only the owner can change this character') {
  return (row: CharacterRow): void => {
    if (row.owner !== userId) throw forbidden(message);
  };
}

/**
 * The shape of every play-state mutation (setConditions, spendSpellSlot, useFeature, shortRest, longRest): one
 * character command (lib/domain's runner), owner only, on the client's expectedVersion, one event. A refusal thrown
 * by `decide` writes nothing.
 */
export async function runPlayCommand<R>(
  input: PlayInput,
  ctx: Context,
  decide: (state: CharacterState, sheet: CharacterSheet, row: CharacterRow) => PlayDecision<R>,
): Promise<{ character: CharacterRow } & R> {
  const userId = requireUser(ctx);
  const { character, outcome } = await runCharacterCommand(ctx, {
    characterId: input.characterId,
    expectedVersion: input.expectedVersion,
    authorize: requireOwner(userId),
    decide: (row) => {
      const state = stateOf(row);
      const { event, payload } = decide(state, sheetOfState(state), row);
      return { events: [event], outcome: payload };
    },
  });
  return { character, ...outcome };
}

/** Hit dice, slots and feature uses of a stored state, as the sheet shows them. */
export function resourcesOf(state: CharacterState, sheet: CharacterSheet): SpendableResources {
  return spendableResources(sheet, { characterClass: state.characterClass, race: state.race, subclass: state.subclass }, state);
}

export function modifierOf(sheet: CharacterSheet, ability: Ability): number {
  return sheet.abilities.find((line) => line.ability === ability)?.modifier ?? 0;
}
