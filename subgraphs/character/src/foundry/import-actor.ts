/**
 * An uploaded dnd5e actor as the state of a new character, and the notes of what was not understood. The state is
 * then validated by the same rules as createCharacter (createFromState); this file only reads and maps.
 */
import { NEW_CHARACTER_DEFAULTS, sheetOfState, type CharacterState } from '../character-state.js';
import {
  ABILITIES,
  CONDITIONS,
  MAX_EXHAUSTION,
  SKILLS,
  alwaysPreparedSpells,
  automaticSkillGrants,
  experienceRange,
  improvementBonuses,
  levelFromExperience,
  racialBonuses,
  spellLearning,
  RACE_RULES,
  type Ability,
  type Condition,
  type Skill,
} from '../rules/index.js';
import { parseInventory } from '../validation/inventory.js';
import { optionalText, requiredText } from '../validation/character-input.js';
import { MAX_BACKSTORY_LENGTH, MAX_EXPERIENCE, MAX_LABEL_LENGTH, MAX_NAME_LENGTH, MAX_TEMPORARY_HIT_POINTS } from '../validation/limits.js';
import { checkActorJson } from './actor-json-limits.js';
import { biographyText } from './biography.js';
import { ABILITY_KEYS, alignmentOf, conditionOf, SKILL_KEYS } from './foundry-keys.js';
import { noteDerived, readSlots } from './import-derived.js';
import { readItems, type ItemsRead, type Note } from './import-items.js';
import { integer, list, number, object, text, type Json } from './json-reader.js';
import { invalidInput } from '#lib/domain/index.js';

export interface ImportedActor {
  state: CharacterState;
  notes: Note[];
}

// Read as given up to here (then lowered to the maximum): no SRD character has anywhere near 10,000 hit points.
const MAX_READ_HIT_POINTS = 10_000;
const MIN_SCORE = 1;
const MAX_SCORE = 30;
// Foundry's proficiency multiplier for Expertise.
const EXPERTISE = 2;
const IMAGE_PATH = /^(?:https?:\/\/[^/]+)?\/images\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function baseScores(system: Json, read: ItemsRead, choices: Ability[]) {
  const abilities = object(system.abilities, 'actor.system.abilities') ?? {};
  const racial = racialBonuses(read.race, choices);
  const improved = improvementBonuses(read.abilityScoreImprovements);
  return Object.fromEntries(
    ABILITIES.map((ability) => {
      const path = `actor.system.abilities.${ABILITY_KEYS[ability]}.value`;
      const score = integer(object(abilities[ABILITY_KEYS[ability]], path)?.value, path, MIN_SCORE, MAX_SCORE, 'FOUNDRY_ABILITY_SCORE');
      if (score === undefined) throw invalidInput(`${path} is missing`, { field: path, rule: 'FOUNDRY_ABILITY_SCORE' });
      // Foundry stores the score with racial and improvement increases applied; we store the base.
      return [ability, score - racial[ability] - improved[ability]];
    }),
  ) as Record<Ability, number>;
}

/** A half-elf's chosen +1s: the race item's increases above the race's fixed ones. */
function bonusChoices(read: ItemsRead): Ability[] {
  const fixed = RACE_RULES[read.race].abilityBonuses;
  if (!RACE_RULES[read.race].bonusChoices) return [];
  return ABILITIES.filter((ability) => (read.raceAssignments[ability] ?? 0) > (fixed[ability] ?? 0));
}

function skillsOf(system: Json, build: { characterClass: CharacterState['characterClass']; race: CharacterState['race']; background: string | null }) {
  const skills = object(system.skills, 'actor.system.skills') ?? {};
  const granted = new Set(automaticSkillGrants(build).map((grant) => grant.skill));
  const proficient: Skill[] = [];
  const expertise: Skill[] = [];
  for (const skill of SKILLS) {
    const path = `actor.system.skills.${SKILL_KEYS[skill]}`;
    const value = number(object(skills[SKILL_KEYS[skill]], path)?.value, `${path}.value`) ?? 0;
    // 0.5 is half proficiency, which our rules derive from features (Jack of All Trades, Remarkable Athlete).
    if (value >= 1 && !granted.has(skill)) proficient.push(skill);
    if (value >= EXPERTISE) expertise.push(skill);
  }
  return { skillProficiencies: proficient, expertise };
}

function conditionsOf(actor: Json, notes: Note[]): Condition[] {
  const found = new Set<Condition>();
  for (const [index, entry] of (list(actor.effects, 'actor.effects') ?? []).entries()) {
    const path = `actor.effects[${index}]`;
    const effect = object(entry, path) ?? {};
    if (effect.disabled === true) continue;
    for (const status of list(effect.statuses, `${path}.statuses`) ?? []) {
      const condition = typeof status === 'string' ? conditionOf(status) : undefined;
      if (condition) found.add(condition);
      else if (status !== 'exhaustion') notes.push({ path: `${path}.statuses`, reason: `status "${String(status)}" is not an SRD condition` });
    }
  }
  return CONDITIONS.filter((condition) => found.has(condition));
}

function spellChoices(read: ItemsRead, level: number, notes: Note[]) {
  const learning = spellLearning(read.characterClass);
  const always = new Set(alwaysPreparedSpells(read.characterClass, read.subclass, level));
  const choices = { cantrips: [] as string[], spellsKnown: [] as string[], preparedSpells: [] as string[], spellbook: [] as string[] };
  for (const spell of read.spells) {
    if (spell.level === 0) choices.cantrips.push(spell.id);
    else if (spell.prepared === 2 && always.has(spell.id))
      continue; // The subclass's: our rules prepare it.
    else if (learning === 'KNOWN') choices.spellsKnown.push(spell.id);
    else if (learning === 'SPELLBOOK') {
      choices.spellbook.push(spell.id);
      if (spell.prepared > 0) choices.preparedSpells.push(spell.id);
    } else if (learning === 'PREPARED' && spell.prepared > 0) choices.preparedSpells.push(spell.id);
    else notes.push({ path: spell.path, reason: `${spell.id} is not prepared, and a ${read.characterClass.toLowerCase()} stores only the spells it prepares` });
  }
  return choices;
}

/** Reads the actor into a character state (owner and ids are the caller's); refusals throw BAD_USER_INPUT. */
export function importActor(upload: unknown): ImportedActor {
  const actor = checkActorJson(upload);
  const notes: Note[] = [];
  if (actor.type !== 'character')
    throw invalidInput(`actor.type must be "character", got ${JSON.stringify(actor.type)?.slice(0, 40)}`, { field: 'actor.type', rule: 'FOUNDRY_ACTOR_TYPE' });
  const system = object(actor.system, 'actor.system') ?? {};
  const attributes = object(system.attributes, 'actor.system.attributes') ?? {};
  const details = object(system.details, 'actor.system.details') ?? {};
  const items = list(actor.items, 'actor.items') ?? [];
  // A details field that names an embedded item holds its id; one that holds a name is an older actor's text.
  const ids = new Set(items.map((item) => (typeof item === 'object' && item !== null ? (item as Json)._id : undefined)));
  const legacyText = (key: string) => {
    const value = text(details[key], `actor.system.details.${key}`)?.trim();
    return value && !ids.has(value) ? value : undefined;
  };
  const read = readItems(items, notes, { race: legacyText('race'), background: legacyText('background') });

  let experience = integer(object(details.xp, 'actor.system.details.xp')?.value, 'actor.system.details.xp.value', 0, MAX_EXPERIENCE, 'FOUNDRY_EXPERIENCE') ?? 0;
  if (levelFromExperience(experience) < read.levels) {
    notes.push({ path: 'actor.system.details.xp.value', reason: `${experience} XP is below class level ${read.levels}: set to that level's minimum` });
    experience = experienceRange(read.levels).min;
  } else if (levelFromExperience(experience) > read.levels) {
    notes.push({ path: 'actor.items', reason: `class levels ${read.levels} are below what ${experience} XP gives: our level follows experience` });
  }
  const level = levelFromExperience(experience);
  const choices = bonusChoices(read);
  const alignmentText = text(details.alignment, 'actor.system.details.alignment')?.trim() ?? '';
  const alignment = alignmentText ? (alignmentOf(alignmentText) ?? null) : null;
  if (alignmentText && !alignment)
    notes.push({ path: 'actor.system.details.alignment', reason: `"${alignmentText.slice(0, 40)}" is not one of the nine alignments` });
  const biography = text(object(details.biography, 'actor.system.details.biography')?.value, 'actor.system.details.biography.value') ?? '';
  const backstory = biographyText(biography, 'actor.system.details.biography.value');
  if (backstory.droppedFormatting)
    notes.push({ path: 'actor.system.details.biography.value', reason: 'formatting other than paragraphs and line breaks dropped' });
  const image = text(actor.img, 'actor.img') ?? '';
  const portrait = IMAGE_PATH.exec(image)?.[1] ?? null;
  if (image && !portrait && !image.startsWith('icons/'))
    notes.push({ path: 'actor.img', reason: 'only portraits stored on this platform (/images/<id>) are linked' });
  const hp = object(attributes.hp, 'actor.system.attributes.hp') ?? {};

  const state: CharacterState = {
    ...structuredClone(NEW_CHARACTER_DEFAULTS),
    name: requiredText(text(actor.name, 'actor.name') ?? '', 'actor.name', MAX_NAME_LENGTH),
    race: read.race,
    characterClass: read.characterClass,
    subclass: read.subclass,
    background: optionalText(read.background, 'background', MAX_LABEL_LENGTH),
    alignment,
    baseScores: baseScores(system, read, choices),
    abilityBonusChoices: choices,
    experience,
    hitPointRolls: read.hitPointRolls.slice(0, level - 1),
    currentHitPoints: 0,
    temporaryHitPoints: integer(hp.temp, 'actor.system.attributes.hp.temp', 0, MAX_TEMPORARY_HIT_POINTS, 'TEMPORARY_HIT_POINTS') ?? 0,
    ...skillsOf(system, read),
    inventory: parseInventory(read.inventory),
    fightingStyles: read.fightingStyles,
    abilityScoreImprovements: read.abilityScoreImprovements,
    ...spellChoices(read, level, notes),
    conditions: conditionsOf(actor, notes),
    exhaustion: integer(attributes.exhaustion, 'actor.system.attributes.exhaustion', 0, MAX_EXHAUSTION, 'EXHAUSTION_OUT_OF_RANGE') ?? 0,
    hitDiceSpent: read.hitDiceSpent,
    featureUsesSpent: read.featureUsesSpent,
    backstory: optionalText(backstory.text, 'actor.system.details.biography.value', MAX_BACKSTORY_LENGTH),
    portraitImageId: portrait,
  };
  const sheet = sheetOfState(state);
  // Foundry may compute a different maximum (other rules, effects): current hit points above ours drop to ours.
  const current = integer(hp.value, 'actor.system.attributes.hp.value', 0, MAX_READ_HIT_POINTS, 'CURRENT_HIT_POINTS') ?? sheet.maxHitPoints;
  if (current > sheet.maxHitPoints)
    notes.push({ path: 'actor.system.attributes.hp.value', reason: `above our maximum of ${sheet.maxHitPoints}: lowered to it` });
  state.currentHitPoints = Math.min(current, sheet.maxHitPoints);
  readSlots(system, state, sheet, notes);
  noteDerived(system, read, sheet, notes);
  return { state, notes };
}
