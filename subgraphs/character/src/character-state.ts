import type { CharacterRow, InventoryItem, NewCharacterRow } from './db/schema.js';
import {
  computeSheet,
  type Ability,
  type AbilityScores,
  type Alignment,
  type CharacterClass,
  type CharacterSheet,
  type Race,
  type Skill,
} from './rules/index.js';
import { equippedArmor } from './validation/inventory.js';

/** Everything a player can set on a character: what create fills and update merges into. */
export interface CharacterState {
  name: string;
  race: Race;
  characterClass: CharacterClass;
  subclass: string | null;
  background: string | null;
  alignment: Alignment | null;
  baseScores: AbilityScores;
  abilityBonusChoices: Ability[];
  experience: number;
  hitPointRolls: number[];
  currentHitPoints: number;
  temporaryHitPoints: number;
  skillProficiencies: Skill[];
  inventory: InventoryItem[];
  backstory: string | null;
  portraitImageId: string | null;
}

export function baseScoresOf(row: CharacterRow): AbilityScores {
  return {
    STRENGTH: row.strength,
    DEXTERITY: row.dexterity,
    CONSTITUTION: row.constitution,
    INTELLIGENCE: row.intelligence,
    WISDOM: row.wisdom,
    CHARISMA: row.charisma,
  };
}

export function stateOf(row: CharacterRow): CharacterState {
  return {
    name: row.name,
    race: row.race,
    characterClass: row.characterClass,
    subclass: row.subclass,
    background: row.background,
    alignment: row.alignment,
    baseScores: baseScoresOf(row),
    abilityBonusChoices: row.abilityBonusChoices,
    experience: row.experience,
    hitPointRolls: row.hitPointRolls,
    currentHitPoints: row.currentHitPoints,
    temporaryHitPoints: row.temporaryHitPoints,
    skillProficiencies: row.skillProficiencies,
    inventory: row.inventory,
    backstory: row.backstory,
    portraitImageId: row.portraitImageId,
  };
}

/** The columns a state is stored in (base scores one column each, so CHECK constraints can guard them). */
export function columnsOf(state: CharacterState): Omit<NewCharacterRow, 'owner'> {
  const { baseScores, ...rest } = state;
  return {
    ...rest,
    strength: baseScores.STRENGTH,
    dexterity: baseScores.DEXTERITY,
    constitution: baseScores.CONSTITUTION,
    intelligence: baseScores.INTELLIGENCE,
    wisdom: baseScores.WISDOM,
    charisma: baseScores.CHARISMA,
  };
}

export function sheetOfState(state: CharacterState): CharacterSheet {
  return computeSheet({
    race: state.race,
    characterClass: state.characterClass,
    baseScores: state.baseScores,
    abilityBonusChoices: state.abilityBonusChoices,
    experience: state.experience,
    hitPointRolls: state.hitPointRolls,
    skillProficiencies: state.skillProficiencies,
    equippedArmor: equippedArmor(state.inventory),
  });
}

// Rows are immutable once loaded, so one computed sheet per row object serves every field of the request.
const sheets = new WeakMap<CharacterRow, CharacterSheet>();

/** The derived sheet of a stored character, computed once per row. */
export function sheetOf(row: CharacterRow): CharacterSheet {
  let sheet = sheets.get(row);
  if (!sheet) {
    sheet = sheetOfState(stateOf(row));
    sheets.set(row, sheet);
  }
  return sheet;
}
