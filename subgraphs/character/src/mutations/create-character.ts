import { randomUUID } from 'node:crypto';
import type { CreateCharacterInput } from '../__generated__/resolvers-types.js';
import { NEW_CHARACTER_DEFAULTS, type CharacterState } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import type { CharacterRow } from '../db/schema.js';
import { createCharacterStream } from '../events/run-character-command.js';
import { assertImageExists } from '../hub/hub-queries.js';
import { validateState, optionalText, requiredText, toAbilityScores } from '../validation/character-input.js';
import { parseAbilityScoreImprovements } from '../validation/ability-score-improvements.js';
import { parseInventory } from '../validation/inventory.js';
import { checkPlayState } from '../validation/play-state.js';
import { MAX_BACKSTORY_LENGTH, MAX_LABEL_LENGTH, MAX_NAME_LENGTH } from '../validation/limits.js';

export async function createCharacter(input: CreateCharacterInput, ctx: Context): Promise<{ character: CharacterRow }> {
  requireUser(ctx);
  const state: CharacterState = {
    name: requiredText(input.name, 'name', MAX_NAME_LENGTH),
    race: input.race,
    characterClass: input.class,
    subclass: input.subclass ?? null,
    background: optionalText(input.background, 'background', MAX_LABEL_LENGTH),
    alignment: input.alignment ?? null,
    baseScores: toAbilityScores(input.abilityScores),
    abilityBonusChoices: input.abilityBonusChoices ?? [],
    experience: input.experience ?? 0,
    hitPointRolls: input.hitPointRolls ?? [],
    // Placeholder until the maximum is known; a new character starts at full health.
    currentHitPoints: 0,
    temporaryHitPoints: 0,
    skillProficiencies: input.skillProficiencies ?? [],
    inventory: parseInventory(input.inventory ?? []),
    ...structuredClone(NEW_CHARACTER_DEFAULTS),
    expertise: input.expertise ?? [],
    fightingStyles: input.fightingStyles ?? [],
    abilityScoreImprovements: parseAbilityScoreImprovements(input.abilityScoreImprovements ?? []),
    backstory: optionalText(input.backstory, 'backstory', MAX_BACKSTORY_LENGTH),
    portraitImageId: input.portraitImageId ?? null,
    cantrips: input.cantrips ?? [],
    spellsKnown: input.spellsKnown ?? [],
    preparedSpells: input.preparedSpells ?? [],
    spellbook: input.spellbook ?? [],
  };
  return createFromState(state, ctx, { fullHealth: true });
}

/**
 * The one write path of a new character, whatever it was read from (createCharacter's input, an imported Foundry
 * actor): the whole state validated by the same rules, then one CharacterCreated recorded and projected. A new
 * build starts at full health (`fullHealth`); an import brings its own hit points and play state, checked here.
 */
export async function createFromState(state: CharacterState, ctx: Context, { fullHealth }: { fullHealth: boolean }): Promise<{ character: CharacterRow }> {
  const owner = requireUser(ctx);
  // A new build is checked at 0 current hit points (any maximum allows that), then set to its maximum.
  const sheet = validateState(fullHealth ? { ...state, currentHitPoints: 0 } : state);
  if (fullHealth) state.currentHitPoints = sheet.maxHitPoints;
  checkPlayState(state, sheet);
  if (state.portraitImageId) await assertImageExists(ctx, state.portraitImageId);
  const characterId = randomUUID();
  const character = await createCharacterStream(ctx, characterId, { type: 'CharacterCreated', data: { characterId, owner, ...state } });
  return { character };
}
