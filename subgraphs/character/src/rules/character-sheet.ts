import { ABILITIES, abilityModifier, type Ability, type AbilityScores } from './abilities.js';
import { finalAbilityScores, racialBonuses } from './ability-scores.js';
import { improvementBonuses, type AbilityScoreImprovement } from './advancement-choices.js';
import { applyConditions, type PlayEffects } from './apply-conditions.js';
import { ARMOR, armorClass, type ArmorType } from './armor.js';
import { CLASSES, type CharacterClass } from './classes.js';
import { EXPERTISE_MULTIPLIER } from './expertise.js';
import { DEFENSE_ARMOR_CLASS_BONUS, type FightingStyle } from './fighting-styles.js';
import { equipmentSheet, type EquipmentSheet } from './equipment-sheet.js';
import { hitPointLevels, type HitPointLevel } from './hit-points.js';
import { experienceToNextLevel, levelFromExperience, proficiencyBonus } from './progression.js';
import { RACE_RULES, type Race } from './races.js';
import { proficientSkills } from './skill-grants.js';
import { SKILL_ABILITIES, SKILLS, type Skill } from './skills.js';
import { spellSlots, type PactSlots, type SpellSlot } from './spell-slots.js';
import type { Subclass } from './subclasses.js';
import * as applied from './features/apply-features.js';
import { characterFeatures, type CharacterFeature } from './features/character-features.js';
import type { EquippedWeapon } from './attacks.js';
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
  subclass: Subclass | null;
  background: string | null;
  expertise: readonly Skill[];
  fightingStyles: readonly FightingStyle[];
  abilityScoreImprovements: readonly AbilityScoreImprovement[];
  conditions: readonly string[];
  exhaustion: number;
  /** Equipped items that are armour (body armour or shield). */
  equippedArmor: readonly ArmorType[];
  /** Equipped items that are weapons: the item's name, the weapon it is, how many. */
  equippedWeapons: readonly EquippedWeapon[];
  /** Cantrips, spells known, prepared and in the spellbook, by id; absent: none chosen. */
  spellChoices?: SpellChoices;
}

export interface AbilityLine {
  ability: Ability;
  baseScore: number;
  racialBonus: number;
  /** Increase from Ability Score Improvements. */
  improvement: number;
  score: number;
  modifier: number;
  savingThrow: { ability: Ability; proficient: boolean; bonus: number };
}

export interface CharacterSheet extends EquipmentSheet, PlayEffects {
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
  /** Race, class and subclass features at the character's level; their effects are applied to the numbers here. */
  features: CharacterFeature[];
  senses: applied.Sense[];
  auras: applied.Aura[];
  /** Lowest d20 roll that is a critical hit with a weapon attack. */
  criticalRange: number;
  skills: { skill: Skill; ability: Ability; proficient: boolean; expertise: boolean; bonus: number }[];
  spellcasting: {
    ability: Ability;
    spellSaveDC: number;
    spellAttackBonus: number;
    slots: SpellSlot[];
    pactSlots: PactSlots | null;
    /** False while armour is worn without proficiency (SRD 5.1 Armor Proficiency: "you can't cast spells"). */
    canCast: boolean;
    cannotCastReason: string | null;
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
  const features = characterFeatures(build.race, build.characterClass, build.subclass, level);
  const effects = features.flatMap((feature) => feature.effects);
  const bonuses = racialBonuses(build.race, build.abilityBonusChoices);
  // SRD 5.1 Ability Score Improvement: the increases add to the scores after the racial ones.
  const improvements = improvementBonuses(build.abilityScoreImprovements);
  const racial = finalAbilityScores(build.baseScores, build.race, build.abilityBonusChoices);
  const improved = Object.fromEntries(ABILITIES.map((ability) => [ability, racial[ability] + improvements[ability]])) as AbilityScores;
  // Features that raise scores past the ASI cap (Primal Champion: +4 STR and CON, maximum 24) come last.
  const scores = applied.raisedScores(improved, effects);
  const mod = (ability: Ability) => abilityModifier(scores[ability]);

  const abilities = ABILITIES.map((ability): AbilityLine => {
    const proficient = classRules.savingThrows.includes(ability) || applied.featureSaveProficiency(effects, ability);
    const aura = applied.auraSaveBonus(effects, mod('CHARISMA'));
    return {
      ability,
      baseScore: build.baseScores[ability],
      racialBonus: bonuses[ability],
      improvement: improvements[ability],
      score: scores[ability],
      modifier: mod(ability),
      savingThrow: { ability, proficient, bonus: mod(ability) + (proficient ? prof : 0) + aura },
    };
  });

  // Proficient: the player's choices plus automatic grants (Keen Senses, Menacing, an SRD background's skills).
  const proficientIn = proficientSkills(build.skillProficiencies, build);
  const skills = SKILLS.map((skill) => {
    const ability = SKILL_ABILITIES[skill];
    const proficient = proficientIn.has(skill);
    // SRD 5.1 Expertise doubles the proficiency bonus, so it counts only on a proficient skill.
    const expertise = proficient && build.expertise.includes(skill);
    const bonus = mod(ability) + (proficient ? prof * (expertise ? EXPERTISE_MULTIPLIER : 1) : applied.nonProficientCheckBonus(effects, ability, prof));
    return { skill, ability, proficient, expertise, bonus };
  });
  const perception = skills.find((line) => line.skill === 'PERCEPTION')?.bonus ?? mod('WISDOM');

  const bodyArmor = build.equippedArmor.find((armor) => ARMOR[armor].category !== 'SHIELD') ?? null;
  const shield = build.equippedArmor.includes('SHIELD');
  const ac = armorClass(scores, build.characterClass, { armor: bodyArmor, shield });
  // SRD 5.1 Fighting Style, Defense: +1 AC "while you are wearing armor" (body armour; a shield alone is not worn armour).
  const defenseBonus = bodyArmor && build.fightingStyles.includes('DEFENSE') ? DEFENSE_ARMOR_CLASS_BONUS : 0;
  const featureBaseAc = bodyArmor ? null : applied.unarmoredBaseArmorClass(effects);
  const shieldBonus = shield ? ARMOR.SHIELD.baseArmorClass : 0;
  const armorClassValue = featureBaseAc === null ? ac.armorClass : Math.max(ac.armorClass, featureBaseAc + mod('DEXTERITY') + shieldBonus);
  const worn = { heavyArmor: bodyArmor !== null && ARMOR[bodyArmor].category === 'HEAVY', anyArmor: bodyArmor !== null, shield };
  const slowed = !ac.meetsStrengthRequirement && !raceRules.ignoresHeavyArmorSpeedPenalty;

  const levels = hitPointLevels({
    level,
    hitDie: classRules.hitDie,
    constitution: scores.CONSTITUTION,
    rolls: build.hitPointRolls,
    bonusPerLevel: raceRules.hitPointsPerLevel + applied.featureHitPointsPerLevel(effects),
  });

  const equipment = equipmentSheet(build, level, prof, scores);
  const slots = spellSlots(build.characterClass, level);
  const casting = classRules.spellcasting;
  const sheet: Omit<CharacterSheet, 'spells' | 'spellLimits' | keyof PlayEffects> = {
    level,
    proficiencyBonus: prof,
    experienceToNextLevel: experienceToNextLevel(build.experience),
    abilities,
    scores,
    hitDie: classRules.hitDie,
    hitPointLevels: levels,
    maxHitPoints: levels.reduce((sum, line) => sum + line.hitPoints, 0),
    armorClass: armorClassValue + defenseBonus,
    armor: bodyArmor ? { armor: bodyArmor, meetsStrengthRequirement: ac.meetsStrengthRequirement } : null,
    shield,
    speed: raceRules.speed - (slowed ? HEAVY_ARMOR_SPEED_PENALTY : 0) + applied.featureSpeedBonus(effects, level, worn),
    initiative: mod('DEXTERITY') + applied.nonProficientCheckBonus(effects, 'DEXTERITY', prof),
    passivePerception: PASSIVE_CHECK_BASE + perception,
    features,
    senses: applied.senses(effects),
    auras: applied.auras(features, level, mod('CHARISMA')),
    criticalRange: applied.criticalRange(effects),
    skills,
    ...equipment,
    spellcasting:
      casting && slots
        ? {
            ability: casting.ability,
            spellSaveDC: SPELL_SAVE_DC_BASE + prof + mod(casting.ability),
            spellAttackBonus: prof + mod(casting.ability),
            slots: slots.slots,
            pactSlots: slots.pactSlots,
            canCast: equipment.armorProficient,
            cannotCastReason: equipment.armorProficient ? null : 'wearing armour without proficiency',
          }
        : null,
  };
  // The spells next: their attack bonus and DC are the sheet's spellcasting numbers, whatever decided them.
  const caster = { characterClass: build.characterClass, subclass: build.subclass, level, scores };
  const withSpells = { ...sheet, spells: characterSpells(caster, build.spellChoices ?? NO_SPELLS, sheet.spellcasting), spellLimits: spellLimits(caster) };
  // Conditions and exhaustion last: they override speed and halve the hit point maximum (apply-conditions.ts).
  return applyConditions(withSpells, build.conditions, build.exhaustion);
}
