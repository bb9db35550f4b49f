import { GraphQLError } from 'graphql';
import { badUserInput, conflict, forbidden, notFound } from '#lib/graphql/index.js';
import { sheetOfState, stateOf, type CharacterState } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { CharacterRow } from '../db/schema.js';
import type { CharacterEvent } from '../events/character-events.js';
import { recordCharacterEvents } from '../events/record-character-events.js';
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

function staleVersion(current: number, expected: number) {
  return conflict(`character changed since version ${expected}; it is now at version ${current}: reload and retry`, {
    currentVersion: current,
    expectedVersion: expected,
  });
}

/** The event store's stale-version CONFLICT (it carries actualVersion), not some other conflict. */
function isStreamConflict(error: unknown): boolean {
  return error instanceof GraphQLError && error.extensions.code === 'CONFLICT' && typeof error.extensions.actualVersion === 'number';
}

/** SRD Exhaustion level 6 is death: a dead character takes no rest and uses nothing. */
export function refuseIfDead(sheet: CharacterSheet): void {
  if (sheet.dead) throw badUserInput('the character is dead (exhaustion 6)', { field: 'characterId', rule: 'CHARACTER_IS_DEAD' });
}

/**
 * The shape of every play-state mutation (setConditions, spendSpellSlot, useFeature, shortRest, longRest): owner only,
 * expectedVersion checked before deciding and again by the event store, one event recorded and projected. A refusal
 * thrown by `decide` writes nothing.
 */
export async function runPlayCommand<R>(
  input: PlayInput,
  ctx: Context,
  decide: (state: CharacterState, sheet: CharacterSheet, row: CharacterRow) => PlayDecision<R>,
): Promise<{ character: CharacterRow } & R> {
  const userId = requireUser(ctx);
  const row = await findCharacter(ctx.db, input.characterId);
  if (!row) throw notFound(`no character with id ${input.characterId}`);
  if (row.owner !== userId) throw forbidden('only the owner can change this character');
  if (row.version !== input.expectedVersion) throw staleVersion(row.version, input.expectedVersion);
  const state = stateOf(row);
  const { event, payload } = decide(state, sheetOfState(state), row);
  let updated: CharacterRow | undefined;
  try {
    updated = await ctx.db.transaction(async (tx) => {
      await recordCharacterEvents(tx, ctx, row.id, input.expectedVersion, [event]);
      return findCharacter(tx, row.id);
    });
  } catch (error) {
    if (!isStreamConflict(error)) throw error;
    const current = await findCharacter(ctx.db, row.id);
    if (!current) throw notFound(`no character with id ${input.characterId}`);
    throw staleVersion(current.version, input.expectedVersion);
  }
  if (!updated) throw notFound(`no character with id ${input.characterId}`);
  ctx.loaders.character.clear(updated.id).prime(updated.id, updated);
  return { character: updated, ...payload };
}

/** Hit dice, slots and feature uses of a stored state, as the sheet shows them. */
export function resourcesOf(state: CharacterState, sheet: CharacterSheet): SpendableResources {
  return spendableResources(sheet, { characterClass: state.characterClass, race: state.race, subclass: state.subclass }, state);
}

export function modifierOf(sheet: CharacterSheet, ability: Ability): number {
  return sheet.abilities.find((line) => line.ability === ability)?.modifier ?? 0;
}
