/**
 * The embedded items of an exported actor (dnd5e 5.x item types): class and subclass, race and background, the
 * inventory as weapon, equipment and loot, the spells, and feat items for features, fighting styles and feats.
 */
import type { CharacterState } from '../character-state.js';
import type { InventoryItem } from '../db/schema.js';
import {
  ABILITIES,
  ARMOR,
  CLASSES,
  spellById,
  spellLearning,
  SUBCLASS_RULES,
  WEAPONS,
  alwaysPreparedSpells,
  racialBonuses,
  type CharacterSheet,
  type SpendableResources,
} from '../rules/index.js';
import { ABILITY_KEYS, ARMOR_BASE_ITEMS, ARMOR_CATEGORY_KEYS, SCHOOL_KEYS, slug, title, WEAPON_BASE_ITEMS } from './foundry-keys.js';
import { foundryId } from './foundry-ids.js';
import { featItems } from './export-feats.js';

export type FoundryItem = { _id: string; name: string; type: string; system: Record<string, unknown>; flags?: Record<string, unknown> };

// dnd5e 5.x spell states: CONFIG.DND5E.spellPreparationStates (unprepared 0, prepared 1, always prepared 2).
export const UNPREPARED = 0;
export const PREPARED = 1;
export const ALWAYS_PREPARED = 2;

const weight = (pounds: number) => ({ value: pounds, units: 'lb' });

function inventoryItem(item: InventoryItem, _id: string): FoundryItem {
  const physical = { quantity: item.quantity, weight: weight(item.weight), equipped: item.equipped };
  if (item.weapon) {
    const rules = WEAPONS[item.weapon];
    const type = `${rules.category.toLowerCase()}${rules.kind === 'MELEE' ? 'M' : 'R'}`;
    return { _id, name: item.name, type: 'weapon', system: { ...physical, type: { value: type, baseItem: WEAPON_BASE_ITEMS[item.weapon] } } };
  }
  if (item.armor) {
    const rules = ARMOR[item.armor];
    return {
      _id,
      name: item.name,
      type: 'equipment',
      system: {
        ...physical,
        type: { value: ARMOR_CATEGORY_KEYS[rules.category], baseItem: ARMOR_BASE_ITEMS[item.armor] },
        armor: { value: rules.baseArmorClass, dex: rules.category === 'MEDIUM' ? 2 : rules.category === 'HEAVY' ? 0 : null },
        strength: rules.strengthRequirement || null,
      },
    };
  }
  return { _id, name: item.name, type: 'loot', system: { ...physical, type: { value: 'gear' } } };
}

function classItems(id: string, state: CharacterState, sheet: CharacterSheet): FoundryItem[] {
  const rules = CLASSES[state.characterClass];
  const hitPoints: Record<string, number | string> = { 1: 'max' };
  state.hitPointRolls.forEach((roll, index) => (hitPoints[index + 2] = roll));
  const improvements = state.abilityScoreImprovements.map((asi, index) => ({
    _id: foundryId(id, `asi:${index}`),
    type: 'AbilityScoreImprovement',
    level: asi.level,
    value: asi.feat
      ? { type: 'feat', feat: { [foundryId(id, `feat:${index}`)]: asi.feat } }
      : { type: 'asi', assignments: Object.fromEntries(ABILITIES.flatMap((a) => (asi.increases[a] ? [[ABILITY_KEYS[a], asi.increases[a]]] : []))) },
  }));
  const classItem: FoundryItem = {
    _id: foundryId(id, 'class'),
    name: title(state.characterClass),
    type: 'class',
    system: {
      identifier: slug(state.characterClass),
      levels: sheet.level,
      hd: { denomination: `d${rules.hitDie}`, spent: state.hitDiceSpent, additional: '' },
      spellcasting: rules.spellcasting
        ? {
            progression: rules.spellcasting.progression === 'PACT' ? 'pact' : rules.spellcasting.progression.toLowerCase(),
            ability: ABILITY_KEYS[rules.spellcasting.ability],
          }
        : { progression: 'none', ability: '' },
      advancement: [{ _id: foundryId(id, 'hp'), type: 'HitPoints', value: hitPoints }, ...improvements],
    },
  };
  if (!state.subclass) return [classItem];
  return [
    classItem,
    {
      _id: foundryId(id, 'subclass'),
      name: SUBCLASS_RULES[state.subclass].fullName,
      type: 'subclass',
      system: { identifier: slug(state.subclass), classIdentifier: slug(state.characterClass) },
    },
  ];
}

function spellItem(id: string, spellId: string, prepared: number, method: string, sourceItem: string): FoundryItem[] {
  const spell = spellById(spellId);
  if (!spell) return [];
  const properties = [...(spell.ritual ? ['ritual'] : []), ...(spell.concentration ? ['concentration'] : [])];
  return [
    {
      _id: foundryId(id, `spell:${spellId}`),
      name: spell.name,
      type: 'spell',
      system: { identifier: slug(spellId), level: spell.level, school: SCHOOL_KEYS[spell.school], method, prepared, properties, sourceItem },
    },
  ];
}

function spellItems(id: string, state: CharacterState, sheet: CharacterSheet): FoundryItem[] {
  const learning = spellLearning(state.characterClass);
  // dnd5e 5.x casting methods: "pact" for a warlock's Pact Magic, "spell" for every other class's slots.
  const method = state.characterClass === 'WARLOCK' ? 'pact' : 'spell';
  const prepared = new Set(state.preparedSpells);
  const always = alwaysPreparedSpells(state.characterClass, state.subclass, sheet.level);
  const listed = learning === 'SPELLBOOK' ? state.spellbook : learning === 'KNOWN' ? state.spellsKnown : state.preparedSpells;
  const listedSet = new Set(listed);
  // dnd5e 5.x ties each spell to the class item that casts it: "class:<identifier>".
  const source = `class:${slug(state.characterClass)}`;
  return [
    ...state.cantrips.flatMap((spell) => spellItem(id, spell, PREPARED, 'spell', source)),
    ...listed.flatMap((spell) => spellItem(id, spell, learning === 'SPELLBOOK' && !prepared.has(spell) ? UNPREPARED : PREPARED, method, source)),
    ...always.filter((spell) => !listedSet.has(spell)).flatMap((spell) => spellItem(id, spell, ALWAYS_PREPARED, method, source)),
  ];
}

/** Every embedded item of the actor, in a stable order (the same character always exports the same list). */
export function actorItems(id: string, state: CharacterState, sheet: CharacterSheet, resources: SpendableResources): FoundryItem[] {
  // The racial increases as the race item's advancement, so a half-elf's two chosen +1s travel with it.
  const bonuses = racialBonuses(state.race, state.abilityBonusChoices);
  const assignments = Object.fromEntries(ABILITIES.flatMap((a) => (bonuses[a] ? [[ABILITY_KEYS[a], bonuses[a]]] : [])));
  const race: FoundryItem = {
    _id: foundryId(id, 'race'),
    name: title(state.race),
    type: 'race',
    system: {
      identifier: slug(state.race),
      advancement: [{ _id: foundryId(id, 'race-asi'), type: 'AbilityScoreImprovement', level: 0, value: { type: 'asi', assignments } }],
    },
  };
  const background: FoundryItem[] = state.background
    ? [
        {
          _id: foundryId(id, 'background'),
          name: state.background,
          type: 'background',
          system: { identifier: slug(state.background.replace(/[^A-Za-z0-9]+/g, '_')) },
        },
      ]
    : [];
  return [
    ...classItems(id, state, sheet),
    race,
    ...background,
    ...state.inventory.map((item, index) => inventoryItem(item, foundryId(id, `item:${index}`))),
    ...spellItems(id, state, sheet),
    ...featItems(id, state, sheet, resources),
  ];
}
