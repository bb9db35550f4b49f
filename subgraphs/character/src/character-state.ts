import type { CharacterRow, InventoryItem, NewCharacterRow } from './db/schema.js';
import {
  computeSheet,
  type Ability,
  type AbilityScoreImprovement,
  type AbilityScores,
  type Alignment,
  type CharacterClass,
  type CharacterSheet,
  type FightingStyle,
  type Race,
  type Skill,
  type Subclass,
  subclassFromText,
} from './rules/index.js';
import { equippedArmor, equippedWeapons, readInventory } from './validation/inventory.js';

/** Everything a player can set on a character: what create fills and update merges into. */
export interface CharacterState {
  name: string;
  race: Race;
  characterClass: CharacterClass;
  subclass: Subclass | null;
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
  expertise: Skill[];
  fightingStyles: FightingStyle[];
  abilityScoreImprovements: AbilityScoreImprovement[];
  cantrips: string[];
  spellsKnown: string[];
  preparedSpells: string[];
  spellbook: string[];
  conditions: string[];
  exhaustion: number;
  hitDiceSpent: number;
  spellSlotsSpent: number[];
  pactSlotsSpent: number;
  featureUsesSpent: Record<string, number>;
  backstory: string | null;
  portraitImageId: string | null;
}

/** The state of a new character before the player's choices: nothing spent, nothing learnt, no conditions. */
export const NEW_CHARACTER_DEFAULTS = {
  expertise: [],
  fightingStyles: [],
  abilityScoreImprovements: [],
  cantrips: [],
  spellsKnown: [],
  preparedSpells: [],
  spellbook: [],
  conditions: [],
  exhaustion: 0,
  hitDiceSpent: 0,
  spellSlotsSpent: [],
  pactSlotsSpent: 0,
  featureUsesSpent: {},
} satisfies Partial<CharacterState>;

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
    // Subclass was free text before it was an enum: old rows (and rows replayed from old events) still read.
    subclass: subclassFromText(row.subclass, row.characterClass),
    background: row.background,
    alignment: row.alignment,
    baseScores: baseScoresOf(row),
    abilityBonusChoices: row.abilityBonusChoices,
    experience: row.experience,
    hitPointRolls: row.hitPointRolls,
    currentHitPoints: row.currentHitPoints,
    temporaryHitPoints: row.temporaryHitPoints,
    skillProficiencies: row.skillProficiencies,
    inventory: readInventory(row.inventory),
    expertise: row.expertise,
    fightingStyles: row.fightingStyles,
    abilityScoreImprovements: row.abilityScoreImprovements,
    cantrips: row.cantrips,
    spellsKnown: row.spellsKnown,
    preparedSpells: row.preparedSpells,
    spellbook: row.spellbook,
    conditions: row.conditions,
    exhaustion: row.exhaustion,
    hitDiceSpent: row.hitDiceSpent,
    spellSlotsSpent: row.spellSlotsSpent,
    pactSlotsSpent: row.pactSlotsSpent,
    featureUsesSpent: row.featureUsesSpent,
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
    subclass: state.subclass,
    background: state.background,
    expertise: state.expertise,
    fightingStyles: state.fightingStyles,
    abilityScoreImprovements: state.abilityScoreImprovements,
    conditions: state.conditions,
    exhaustion: state.exhaustion,
    equippedArmor: equippedArmor(state.inventory),
    equippedWeapons: equippedWeapons(state.inventory),
    spellChoices: { cantrips: state.cantrips, spellsKnown: state.spellsKnown, preparedSpells: state.preparedSpells, spellbook: state.spellbook },
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
