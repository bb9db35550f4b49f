import type { CharacterResolvers } from '../__generated__/resolvers-types.js';
import type { CharacterRow } from '../db/schema.js';
import { sheetOf, stateOf } from '../character-state.js';
import { requireUser } from '../context.js';
import { ARMOR, spendableResources } from '../rules/index.js';
import { characterChoiceFields } from './character-choices.js';
import { readInventory } from '../validation/inventory.js';
import { nextCommitment } from '../db/roll-seed-store.js';

const resources = (row: CharacterRow) => spendableResources(sheetOf(row), row, stateOf(row));

export const Character: CharacterResolvers = {
  // Other subgraphs (campaign party, image portrait, llm context) reference characters by id: batched per request.
  __resolveReference: (reference, ctx) => {
    requireUser(ctx);
    return ctx.loaders.character.load(reference.id);
  },
  class: (row) => row.characterClass,
  // Public to every signed-in reader, like the sheet: a commitment reveals nothing of the seed, and whoever watches
  // the table may want to hold the server to it.
  nextRollCommitment: (row, _args, ctx) => (ctx.userId ? nextCommitment(ctx.db, row.id) : null),
  subclass: (row) => stateOf(row).subclass,
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
  armorProficiencies: (row) => sheetOf(row).armorProficiencies,
  weaponProficiencies: (row) => sheetOf(row).weaponProficiencies,
  armorProficient: (row) => sheetOf(row).armorProficient,
  armorPenalty: (row) => {
    const penalty = sheetOf(row).armorPenalty;
    return penalty && { ...penalty, canCastSpells: false };
  },
  attacks: (row) => sheetOf(row).attacks.map((attack) => ({ ...attack, properties: [...attack.properties] })),
  attacksPerAction: (row) => sheetOf(row).attacksPerAction,
  speed: (row) => sheetOf(row).speed,
  initiative: (row) => sheetOf(row).initiative,
  passivePerception: (row) => sheetOf(row).passivePerception,
  features: (row) => sheetOf(row).features,
  senses: (row) => sheetOf(row).senses,
  auras: (row) => sheetOf(row).auras,
  criticalRange: (row) => sheetOf(row).criticalRange,
  skills: (row) => sheetOf(row).skills,
  ...characterChoiceFields,
  spellcasting: (row) => sheetOf(row).spellcasting,
  // Play state (conditions, exhaustion, hit dice, slots, feature uses): stored values through the rules.
  effectiveConditions: (row) => sheetOf(row).effectiveConditions,
  incapacitated: (row) => sheetOf(row).incapacitated,
  dead: (row) => sheetOf(row).dead,
  rollEffects: (row) => sheetOf(row).rollEffects,
  hitDice: (row) => resources(row).hitDice,
  spellSlots: (row) => resources(row).spellSlots,
  pactSlots: (row) => resources(row).pactSlots,
  featureUses: (row) => resources(row).featureUses,
  // Legacy lines read as the table says: no weapon, and armour and weapons at their SRD weight.
  inventory: (row) => readInventory(row.inventory),
  inventoryWeight: (row) => readInventory(row.inventory).reduce((sum, item) => sum + item.weight * item.quantity, 0),
  spells: (row) => sheetOf(row).spells,
  spellLimits: (row) => sheetOf(row).spellLimits,
};
