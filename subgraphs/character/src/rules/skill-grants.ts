import { CLASSES, type CharacterClass } from './classes.js';
import type { Race } from './races.js';
import { SKILLS, type Skill } from './skills.js';

/** Where a skill proficiency comes from. */
export type SkillSource = 'CLASS' | 'BACKGROUND' | 'RACE';

/** A skill the character gets without choosing it (a race trait, a background's fixed skills). */
export interface SkillGrant {
  skill: Skill;
  source: SkillSource;
  /** The trait or background that grants it, for the sheet and for messages. */
  name: string;
}

/** A number of skills the player picks from a list. */
export interface SkillPool {
  source: SkillSource;
  name: string;
  count: number;
  from: readonly Skill[];
}

/** Background and race inputs that decide the grants; the class decides its own pool. */
export interface SkillGrantBuild {
  characterClass: CharacterClass;
  race: Race;
  background: string | null;
}

// SRD 5.1 Acolyte: "Skill Proficiencies: Insight, Religion" (the SRD's only background).
const SRD_BACKGROUND_SKILLS: Record<string, readonly Skill[]> = { acolyte: ['INSIGHT', 'RELIGION'] };
// SRD 5.1 "Customizing a Background": any other background "choose two skills".
const CUSTOM_BACKGROUND_SKILL_COUNT = 2;

// SRD 5.1 Elf Keen Senses: proficiency in Perception; Half-Orc Menacing: proficiency in Intimidation.
const RACE_SKILL_GRANTS: Partial<Record<Race, SkillGrant>> = {
  HIGH_ELF: { skill: 'PERCEPTION', source: 'RACE', name: 'Keen Senses' },
  HALF_ORC: { skill: 'INTIMIDATION', source: 'RACE', name: 'Menacing' },
};
// SRD 5.1 Half-Elf Skill Versatility: "proficiency in two skills of your choice".
const RACE_SKILL_POOLS: Partial<Record<Race, SkillPool>> = {
  HALF_ELF: { source: 'RACE', name: 'Skill Versatility', count: 2, from: SKILLS },
};

/** The background's name as a key: the SRD's backgrounds are matched whatever the case and spacing. */
function backgroundKey(background: string | null): string | null {
  const key = background?.trim().toLowerCase();
  return key ? key : null;
}

/** Skills the character is proficient in without choosing them. */
export function automaticSkillGrants(build: SkillGrantBuild): SkillGrant[] {
  const grants: SkillGrant[] = [];
  const race = RACE_SKILL_GRANTS[build.race];
  if (race) grants.push(race);
  const key = backgroundKey(build.background);
  const background = key ? SRD_BACKGROUND_SKILLS[key] : undefined;
  for (const skill of background ?? []) grants.push({ skill, source: 'BACKGROUND', name: build.background!.trim() });
  return grants;
}

/** The pools the player's skill proficiencies are chosen from: class, custom background, race. */
export function skillPools(build: SkillGrantBuild): SkillPool[] {
  const choices = CLASSES[build.characterClass].skillChoices;
  const pools: SkillPool[] = [{ source: 'CLASS', name: build.characterClass, count: choices.count, from: choices.from === 'ANY' ? SKILLS : choices.from }];
  const key = backgroundKey(build.background);
  // No background yet: no pool (a build in progress); an SRD background grants fixed skills instead of a choice.
  if (key && !SRD_BACKGROUND_SKILLS[key])
    pools.push({ source: 'BACKGROUND', name: build.background!.trim(), count: CUSTOM_BACKGROUND_SKILL_COUNT, from: SKILLS });
  const race = RACE_SKILL_POOLS[build.race];
  if (race) pools.push(race);
  return pools;
}

/** A pool with how many of its picks the chosen skills use. */
export interface SkillPoolUse extends SkillPool {
  chosen: Skill[];
}

/**
 * Places the chosen skills into the pools, or returns the skills that fit nowhere. The narrowest pools are filled
 * first (a skill that only the class list offers must go there), so a pool open to every skill is kept for what
 * fits nowhere else: with one restricted list and open pools this finds a placement whenever one exists.
 */
export function allocateSkills(chosen: readonly Skill[], pools: readonly SkillPool[]): { uses: SkillPoolUse[]; unplaced: Skill[] } {
  const uses: SkillPoolUse[] = pools.map((pool) => ({ ...pool, chosen: [] }));
  const byWidth = [...uses].sort((a, b) => a.from.length - b.from.length);
  const unplaced: Skill[] = [];
  // Skills offered by fewer pools are placed first, for the same reason.
  const offeredBy = (skill: Skill) => pools.filter((pool) => pool.from.includes(skill)).length;
  for (const skill of [...chosen].sort((a, b) => offeredBy(a) - offeredBy(b))) {
    const pool = byWidth.find((use) => use.chosen.length < use.count && use.from.includes(skill));
    if (pool) pool.chosen.push(skill);
    else unplaced.push(skill);
  }
  return { uses, unplaced };
}

/** Every skill the sheet counts as proficient: the player's choices plus the automatic grants. */
export function proficientSkills(chosen: readonly Skill[], build: SkillGrantBuild): Set<Skill> {
  return new Set([...chosen, ...automaticSkillGrants(build).map((grant) => grant.skill)]);
}
