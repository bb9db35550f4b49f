import { invalidInput } from '#lib/domain/index.js';
import type { CharacterState } from '../character-state.js';
import { sheetOfState } from '../character-state.js';
import {
  ABILITIES,
  bonusChoiceProblem,
  CLASSES,
  finalAbilityScores,
  levelFromExperience,
  MAX_ABILITY_SCORE,
  MIN_ABILITY_SCORE,
  subclassProblem,
  type AbilityScores,
  type CharacterSheet,
} from '../rules/index.js';
import { validateChoices } from './choices.js';
import { checkSpellChoices } from './spell-choices.js';
import { MAX_EXPERIENCE, MAX_TEMPORARY_HIT_POINTS } from './limits.js';
import { isUuid } from '#lib/db/uuid.js';

/** GraphQL's AbilityScoresInput (lower-case field names) as the rules' AbilityScores. */
export interface AbilityScoresInput {
  strength: number;
  dexterity: number;
  constitution: number;
  intelligence: number;
  wisdom: number;
  charisma: number;
}

export function toAbilityScores(input: AbilityScoresInput): AbilityScores {
  return {
    STRENGTH: input.strength,
    DEXTERITY: input.dexterity,
    CONSTITUTION: input.constitution,
    INTELLIGENCE: input.intelligence,
    WISDOM: input.wisdom,
    CHARISMA: input.charisma,
  };
}

/** Trims optional free text; empty becomes null. */
export function optionalText(value: string | null | undefined, field: string, max: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > max) throw invalidInput(`${field} must be at most ${max} characters`, { field, rule: 'TEXT_TOO_LONG' });
  return text || null;
}

export function requiredText(value: string, field: string, max: number): string {
  const text = optionalText(value, field, max);
  if (!text) throw invalidInput(`${field} must not be empty`, { field, rule: 'TEXT_REQUIRED' });
  return text;
}

function checkScores(scores: AbilityScores, field: string, what: string): void {
  for (const ability of ABILITIES) {
    const score = scores[ability];
    if (!Number.isInteger(score) || score < MIN_ABILITY_SCORE || score > MAX_ABILITY_SCORE) {
      throw invalidInput(`${what} ${ability.toLowerCase()} must be between ${MIN_ABILITY_SCORE} and ${MAX_ABILITY_SCORE}, got ${score}`, {
        field: `${field}.${ability.toLowerCase()}`,
        ability,
        rule: 'ABILITY_SCORE_RANGE',
      });
    }
  }
}

/**
 * Checks a whole character as it would be stored (created, or updated and merged), so that no combination of
 * fields can slip past a check on its parts. Returns the derived sheet for callers that need the numbers.
 * `stored` is the state an update starts from (null on create): the builder choices are checked against it.
 */
export function validateState(state: CharacterState, stored: CharacterState | null = null): CharacterSheet {
  checkScores(state.baseScores, 'abilityScores', 'base');
  const choiceProblem = bonusChoiceProblem(state.race, state.abilityBonusChoices);
  if (choiceProblem) throw invalidInput(choiceProblem, { field: 'abilityBonusChoices' });
  // SRD: racial increases cannot take a score above the same 1..30 range.
  checkScores(finalAbilityScores(state.baseScores, state.race, state.abilityBonusChoices), 'abilityScores', 'final (with racial increase)');

  if (!Number.isInteger(state.experience) || state.experience < 0 || state.experience > MAX_EXPERIENCE) {
    throw invalidInput(`experience must be between 0 and ${MAX_EXPERIENCE}, got ${state.experience}`, { field: 'experience' });
  }
  const level = levelFromExperience(state.experience);
  const hitDie = CLASSES[state.characterClass].hitDie;
  if (state.hitPointRolls.length > level - 1) {
    throw invalidInput(`hitPointRolls has ${state.hitPointRolls.length} rolls but a level ${level} character has ${level - 1} levels above 1`, {
      field: 'hitPointRolls',
    });
  }
  state.hitPointRolls.forEach((roll, index) => {
    if (!Number.isInteger(roll) || roll < 1 || roll > hitDie) {
      throw invalidInput(`hitPointRolls[${index}] (level ${index + 2}) must be between 1 and ${hitDie} (d${hitDie}), got ${roll}`, {
        field: `hitPointRolls[${index}]`,
      });
    }
  });

  const subclass = state.subclass && subclassProblem(state.subclass, state.characterClass, level);
  if (subclass) throw invalidInput(subclass.message, { field: 'subclass', rule: subclass.rule });

  const duplicate = state.skillProficiencies.find((skill, i) => state.skillProficiencies.indexOf(skill) !== i);
  if (duplicate) throw invalidInput(`skillProficiencies lists ${duplicate} twice`, { field: 'skillProficiencies' });
  validateChoices(state, stored);

  if (state.portraitImageId !== null && !isUuid(state.portraitImageId)) {
    throw invalidInput(`no image with id ${state.portraitImageId}`, { field: 'portraitImageId' });
  }

  const sheet = sheetOfState(state);
  if (!Number.isInteger(state.currentHitPoints) || state.currentHitPoints < 0 || state.currentHitPoints > sheet.maxHitPoints) {
    throw invalidInput(`currentHitPoints must be between 0 and the maximum ${sheet.maxHitPoints}, got ${state.currentHitPoints}`, {
      field: 'currentHitPoints',
    });
  }
  if (!Number.isInteger(state.temporaryHitPoints) || state.temporaryHitPoints < 0 || state.temporaryHitPoints > MAX_TEMPORARY_HIT_POINTS) {
    throw invalidInput(`temporaryHitPoints must be between 0 and ${MAX_TEMPORARY_HIT_POINTS}, got ${state.temporaryHitPoints}`, {
      field: 'temporaryHitPoints',
    });
  }
  checkSpellChoices(state, sheet);
  return sheet;
}
