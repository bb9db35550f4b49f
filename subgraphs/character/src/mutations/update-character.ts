import { forbidden, invalidInput, notFound, StreamVersionConflict } from '#lib/domain/index.js';
import { canonicalJson } from '#lib/event-store/index.js';
import type { UpdateCharacterInput } from '../__generated__/resolvers-types.js';
import { sheetOfState, stateOf, type CharacterState } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { CharacterRow } from '../db/schema.js';
import { characterStreamId } from '../events/character-events.js';
import { runCharacterCommand } from '../events/run-character-command.js';
import { requireOwner } from './play-command.js';
import { activeCampaignDungeonMaster, assertImageExists } from '../hub/hub-queries.js';
import { optionalText, requiredText, toAbilityScores, validateState } from '../validation/character-input.js';
import { parseAbilityScoreImprovements } from '../validation/ability-score-improvements.js';
import { parseInventory } from '../validation/inventory.js';
import { MAX_BACKSTORY_LENGTH, MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from '../validation/limits.js';

/** A field that cannot be cleared: absent keeps the stored value, an explicit null is an error. */
function change<T, R>(value: T | null | undefined, stored: R, field: string, map: (given: T) => R): R {
  if (value === null) throw invalidInput(`${field} cannot be null`, { field });
  return value === undefined ? stored : map(value);
}

function keep<T>(value: T | null | undefined, stored: T, field: string): T {
  return change(value, stored, field, (given) => given);
}

/** A field that can be cleared: absent keeps the stored value, null clears it. */
function clearable<T>(value: T | null | undefined, stored: T | null): T | null {
  return value === undefined ? stored : value;
}

function merge(row: CharacterRow, input: UpdateCharacterInput): CharacterState {
  const stored = stateOf(row);
  const text = (value: string | null | undefined, field: string, max: number, current: string | null) =>
    value === undefined ? current : optionalText(value, field, max);
  const merged: CharacterState = {
    name: change(input.name, stored.name, 'name', (name) => requiredText(name, 'name', MAX_NAME_LENGTH)),
    race: keep(input.race, stored.race, 'race'),
    characterClass: keep(input.class, stored.characterClass, 'class'),
    subclass: clearable(input.subclass, stored.subclass),
    background: text(input.background, 'background', MAX_LABEL_LENGTH, stored.background),
    alignment: clearable(input.alignment, stored.alignment),
    baseScores: change(input.abilityScores, stored.baseScores, 'abilityScores', toAbilityScores),
    abilityBonusChoices: keep(input.abilityBonusChoices, stored.abilityBonusChoices, 'abilityBonusChoices'),
    experience: keep(input.experience, stored.experience, 'experience'),
    hitPointRolls: keep(input.hitPointRolls, stored.hitPointRolls, 'hitPointRolls'),
    currentHitPoints: keep(input.currentHitPoints, stored.currentHitPoints, 'currentHitPoints'),
    temporaryHitPoints: keep(input.temporaryHitPoints, stored.temporaryHitPoints, 'temporaryHitPoints'),
    skillProficiencies: keep(input.skillProficiencies, stored.skillProficiencies, 'skillProficiencies'),
    inventory: change(input.inventory, stored.inventory, 'inventory', parseInventory),
    expertise: keep(input.expertise, stored.expertise, 'expertise'),
    fightingStyles: keep(input.fightingStyles, stored.fightingStyles, 'fightingStyles'),
    abilityScoreImprovements: change(
      input.abilityScoreImprovements,
      stored.abilityScoreImprovements,
      'abilityScoreImprovements',
      parseAbilityScoreImprovements,
    ),
    // Play state changes only through its own mutations (setConditions, spendSpellSlot, useFeature, rests).
    conditions: stored.conditions,
    exhaustion: stored.exhaustion,
    hitDiceSpent: stored.hitDiceSpent,
    spellSlotsSpent: stored.spellSlotsSpent,
    pactSlotsSpent: stored.pactSlotsSpent,
    featureUsesSpent: stored.featureUsesSpent,
    backstory: text(input.backstory, 'backstory', MAX_BACKSTORY_LENGTH, stored.backstory),
    portraitImageId: clearable(input.portraitImageId, stored.portraitImageId),
    cantrips: keep(input.cantrips, stored.cantrips, 'cantrips'),
    spellsKnown: keep(input.spellsKnown, stored.spellsKnown, 'spellsKnown'),
    preparedSpells: keep(input.preparedSpells, stored.preparedSpells, 'preparedSpells'),
    spellbook: keep(input.spellbook, stored.spellbook, 'spellbook'),
  };
  // A change that lowers the maximum (less CON, fewer levels) lowers current hit points with it,
  // unless the caller set them explicitly, in which case validation holds them to the new maximum.
  if (input.currentHitPoints === undefined) {
    merged.currentHitPoints = Math.min(merged.currentHitPoints, sheetOfState(merged).maxHitPoints);
  }
  return merged;
}

export async function updateCharacter(input: UpdateCharacterInput, ctx: Context): Promise<{ character: CharacterRow }> {
  const userId = requireUser(ctx);
  // Read first, outside the write: the facts from other services below depend on the merged state, and a write
  // never waits on the network. The command re-checks owner and version under the stream lock; at an unchanged
  // version the row it loads is this one, so what was checked here still holds.
  const row = await findCharacter(ctx.db, input.id);
  if (!row) throw notFound(`no character with id ${input.id}`);
  requireOwner(userId)(row);
  // Fail fast on a stale version before any validation or hub call.
  if (row.version !== input.expectedVersion) throw new StreamVersionConflict(characterStreamId(row.id), input.expectedVersion, row.version, 'character');
  const state = merge(row, input);
  // The stored state lets the builder-choice rules skip what this update leaves alone (legacy characters).
  validateState(state, stateOf(row));
  if (state.portraitImageId && state.portraitImageId !== row.portraitImageId) await assertImageExists(ctx, state.portraitImageId);
  // In a campaign, experience (and with it the level) comes from its dungeon master alone (awardExperience, the
  // session's awards): the owner sets it only for a character in no campaign, as a character builder's start.
  if (state.experience !== row.experience && (await activeCampaignDungeonMaster(ctx, row.id)) !== null) {
    throw forbidden("the experience of a character in a campaign is awarded by the campaign's dungeon master", {
      field: 'experience',
      rule: 'DM_AWARDS_EXPERIENCE',
    });
  }
  // Of two updates from one version, one wins: the runner checks expectedVersion under the stream lock.
  const changes = changedFields(stateOf(row), state);
  const { character } = await runCharacterCommand(ctx, {
    characterId: row.id,
    expectedVersion: input.expectedVersion,
    authorize: requireOwner(userId),
    decide: () => ({ events: [{ type: 'CharacterUpdated', data: { characterId: row.id, changes } }], outcome: undefined }),
  });
  return { character };
}

/** The fields whose value differs from the stored one: what CharacterUpdated records. */
function changedFields(stored: CharacterState, merged: CharacterState): Partial<CharacterState> {
  const changes: Record<string, unknown> = {};
  for (const key of Object.keys(merged) as (keyof CharacterState)[]) {
    if (canonicalJson(merged[key]) !== canonicalJson(stored[key])) changes[key] = merged[key];
  }
  // Cast: every key copied above is a key of CharacterState with its own value.
  return changes as Partial<CharacterState>;
}
