import type { CharacterResolvers } from '../__generated__/resolvers-types.js';
import { sheetOf } from '../character-state.js';
import { requireUser } from '../context.js';
import { ARMOR } from '../rules/index.js';

export const Character: CharacterResolvers = {
  // Other subgraphs (campaign party, image portrait, llm context) reference characters by id: batched per request.
  __resolveReference: (reference, ctx) => {
    requireUser(ctx);
    return ctx.loaders.character.load(reference.id);
  },
  class: (row) => row.characterClass,
  abilities: (row) => sheetOf(row).abilities,
  savingThrows: (row) => sheetOf(row).abilities.map((line) => line.savingThrow),
  level: (row) => sheetOf(row).level,
  experienceToNextLevel: (row) => sheetOf(row).experienceToNextLevel,
  proficiencyBonus: (row) => sheetOf(row).proficiencyBonus,
  hitDie: (row) => sheetOf(row).hitDie,
  hitPointLevels: (row) => sheetOf(row).hitPointLevels,
  maxHitPoints: (row) => sheetOf(row).maxHitPoints,
  // A stored value above a maximum that later shrank is never shown above that maximum.
  currentHitPoints: (row) => Math.min(row.currentHitPoints, sheetOf(row).maxHitPoints),
  armorClass: (row) => sheetOf(row).armorClass,
  equippedArmor: (row) => {
    const worn = sheetOf(row).armor;
    if (!worn) return null;
    const rules = ARMOR[worn.armor];
    return {
      armor: worn.armor,
      category: rules.category,
      strengthRequirement: rules.strengthRequirement,
      meetsStrengthRequirement: worn.meetsStrengthRequirement,
      stealthDisadvantage: rules.stealthDisadvantage,
    };
  },
  speed: (row) => sheetOf(row).speed,
  initiative: (row) => sheetOf(row).initiative,
  passivePerception: (row) => sheetOf(row).passivePerception,
  skills: (row) => sheetOf(row).skills,
  spellcasting: (row) => sheetOf(row).spellcasting,
  spells: (row) => sheetOf(row).spells,
  spellLimits: (row) => sheetOf(row).spellLimits,
  inventoryWeight: (row) => row.inventory.reduce((sum, item) => sum + item.weight * item.quantity, 0),
};
