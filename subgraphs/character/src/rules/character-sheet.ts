import { ABILITIES, abilityModifier, type Ability, type AbilityScores } from './abilities.js';
import { finalAbilityScores, racialBonuses } from './ability-scores.js';
import type { AbilityScoreImprovement } from './advancement-choices.js';
import { ARMOR, armorClass, type ArmorType } from './armor.js';
import { CLASSES, type CharacterClass } from './classes.js';
import { hitPointLevels, type HitPointLevel } from './hit-points.js';
import { experienceToNextLevel, levelFromExperience, proficiencyBonus } from './progression.js';
import { RACE_RULES, type Race } from './races.js';
import { SKILL_ABILITIES, SKILLS, type Skill } from './skills.js';
import { spellSlots, type PactSlots, type SpellSlot } from './spell-slots.js';
import { characterSpells, spellLimits, type CharacterSpellLine, type SpellChoices, type SpellLimits } from './spells/index.js';

/** The stored facts a sheet is derived from. */
export interface CharacterBuild {
  race: Race;
  characterClass: CharacterClass;
  baseScores: AbilityScores;
  abilityBonusChoices: readonly Ability[];
  experience: number;
  hitPointRolls: readonly number[];
  skillProficiencies: readonly Skill[];
  subclass: string | null;
  background: string | null;
  expertise: readonly Skill[];
  fightingStyles: readonly string[];
  abilityScoreImprovements: readonly AbilityScoreImprovement[];
  conditions: readonly string[];
  exhaustion: number;
  /** Equipped items that are armour (body armour or shield). */
  equippedArmor: readonly ArmorType[];
  /** Cantrips, spells known, prepared and in the spellbook, by id; absent: none chosen. */
  spellChoices?: SpellChoices;
}

export interface AbilityLine {
  ability: Ability;
  baseScore: number;
  racialBonus: number;
  score: number;
  modifier: number;
  savingThrow: { ability: Ability; proficient: boolean; bonus: number };
}

export interface CharacterSheet {
  level: number;
  proficiencyBonus: number;
  experienceToNextLevel: number | null;
  abilities: AbilityLine[];
  scores: AbilityScores;
  hitDie: number;
  hitPointLevels: HitPointLevel[];
  maxHitPoints: number;
  armorClass: number;
  armor: {
    armor: ArmorType;
    meetsStrengthRequirement: boolean;
  } | null;
  shield: boolean;
  speed: number;
  initiative: number;
  passivePerception: number;
  skills: { skill: Skill; ability: Ability; proficient: boolean; bonus: number }[];
  spellcasting: {
    ability: Ability;
    spellSaveDC: number;
    spellAttackBonus: number;
    slots: SpellSlot[];
    pactSlots: PactSlots | null;
  } | null;
  spells: CharacterSpellLine[];
  spellLimits: SpellLimits;
}

// SRD: heavy armour worn without its strength requirement reduces speed by 10 feet.
const HEAVY_ARMOR_SPEED_PENALTY = 10;
// SRD: spell save DC = 8 + proficiency bonus + spellcasting modifier; passive checks = 10 + bonus.
const SPELL_SAVE_DC_BASE = 8;
const PASSIVE_CHECK_BASE = 10;
const NO_SPELLS: SpellChoices = { cantrips: [], spellsKnown: [], preparedSpells: [], spellbook: [] };

/** Every derived number of a character sheet, from the stored build: the single place the rules are applied. */
export function computeSheet(build: CharacterBuild): CharacterSheet {
  const classRules = CLASSES[build.characterClass];
  const raceRules = RACE_RULES[build.race];
  const level = levelFromExperience(build.experience);
  const prof = proficiencyBonus(level);
  const scores = finalAbilityScores(build.baseScores, build.race, build.abilityBonusChoices);
  const bonuses = racialBonuses(build.race, build.abilityBonusChoices);
  const mod = (ability: Ability) => abilityModifier(scores[ability]);

  const abilities = ABILITIES.map((ability): AbilityLine => {
    const proficient = classRules.savingThrows.includes(ability);
    return {
      ability,
      baseScore: build.baseScores[ability],
      racialBonus: bonuses[ability],
      score: scores[ability],
      modifier: mod(ability),
      savingThrow: { ability, proficient, bonus: mod(ability) + (proficient ? prof : 0) },
    };
  });

  const skills = SKILLS.map((skill) => {
    const ability = SKILL_ABILITIES[skill];
    const proficient = build.skillProficiencies.includes(skill);
    return { skill, ability, proficient, bonus: mod(ability) + (proficient ? prof : 0) };
  });
  const perception = skills.find((line) => line.skill === 'PERCEPTION')?.bonus ?? mod('WISDOM');

  const bodyArmor = build.equippedArmor.find((armor) => ARMOR[armor].category !== 'SHIELD') ?? null;
  const shield = build.equippedArmor.includes('SHIELD');
  const ac = armorClass(scores, build.characterClass, { armor: bodyArmor, shield });
  const slowed = !ac.meetsStrengthRequirement && !raceRules.ignoresHeavyArmorSpeedPenalty;

  const levels = hitPointLevels({
    level,
    hitDie: classRules.hitDie,
    constitution: scores.CONSTITUTION,
    rolls: build.hitPointRolls,
    bonusPerLevel: raceRules.hitPointsPerLevel,
  });

  const slots = spellSlots(build.characterClass, level);
  const casting = classRules.spellcasting;
  const sheet: Omit<CharacterSheet, 'spells' | 'spellLimits'> = {
    level,
    proficiencyBonus: prof,
    experienceToNextLevel: experienceToNextLevel(build.experience),
    abilities,
    scores,
    hitDie: classRules.hitDie,
    hitPointLevels: levels,
    maxHitPoints: levels.reduce((sum, line) => sum + line.hitPoints, 0),
    armorClass: ac.armorClass,
    armor: bodyArmor ? { armor: bodyArmor, meetsStrengthRequirement: ac.meetsStrengthRequirement } : null,
    shield,
    speed: raceRules.speed - (slowed ? HEAVY_ARMOR_SPEED_PENALTY : 0),
    initiative: mod('DEXTERITY'),
    passivePerception: PASSIVE_CHECK_BASE + perception,
    skills,
    spellcasting:
      casting && slots
        ? {
            ability: casting.ability,
            spellSaveDC: SPELL_SAVE_DC_BASE + prof + mod(casting.ability),
            spellAttackBonus: prof + mod(casting.ability),
            slots: slots.slots,
            pactSlots: slots.pactSlots,
          }
        : null,
  };
  // The spells last: their attack bonus and DC are the sheet's spellcasting numbers, whatever decided them.
  const caster = { characterClass: build.characterClass, subclass: build.subclass, level, scores };
  return { ...sheet, spells: characterSpells(caster, build.spellChoices ?? NO_SPELLS, sheet.spellcasting), spellLimits: spellLimits(caster) };
}
