import { invalidInput } from '#lib/domain/index.js';
import { canonicalJson } from '#lib/event-store/index.js';
import type { CharacterState } from '../character-state.js';
import {
  abilityScoreImprovementLevels,
  allocateSkills,
  ASI_SCORE_CAP,
  automaticSkillGrants,
  expertiseCount,
  FEAT_RULES,
  fightingStyleGrants,
  finalAbilityScores,
  improvementBonuses,
  isFeat,
  isValidIncrease,
  levelFromExperience,
  proficientSkills,
  skillPools,
  SKILLS,
  ABILITIES,
  type SkillPool,
} from '../rules/index.js';

type Key = keyof CharacterState;
// What each group of choices depends on: a change to any of these (or to the level) re-checks the group.
const SKILL_INPUTS: Key[] = ['skillProficiencies', 'characterClass', 'race', 'background'];
const EXPERTISE_INPUTS: Key[] = ['expertise', ...SKILL_INPUTS];
const FIGHTING_STYLE_INPUTS: Key[] = ['fightingStyles', 'characterClass', 'subclass'];
const ASI_INPUTS: Key[] = ['abilityScoreImprovements', 'characterClass', 'baseScores', 'race', 'abilityBonusChoices'];

/**
 * Checks the player's choices against the character-builder rules (skills, Expertise, fighting styles, Ability
 * Score Improvements), each refusal naming its rule in extensions.rule.
 *
 * `stored` is the state before an update (null on create). A group of choices is checked only when it is new or
 * something it depends on changed: characters stored before these rules existed (a fighter with five skills) keep
 * loading and can still be renamed or healed, and are held to the rules as soon as their choices are touched.
 * Fewer choices than allowed are always fine: a build in progress.
 */
export function validateChoices(state: CharacterState, stored: CharacterState | null): void {
  const level = levelFromExperience(state.experience);
  const levelChanged = stored !== null && levelFromExperience(stored.experience) !== level;
  const touched = (keys: Key[]) => stored === null || levelChanged || keys.some((key) => canonicalJson(state[key]) !== canonicalJson(stored[key]));
  // Skills do not depend on the level (they are all chosen at 1st), so a level change alone does not re-check them.
  if (stored === null || SKILL_INPUTS.some((key) => canonicalJson(state[key]) !== canonicalJson(stored[key]))) checkSkills(state);
  if (touched(EXPERTISE_INPUTS)) checkExpertise(state, level);
  if (touched(FIGHTING_STYLE_INPUTS)) checkFightingStyles(state, level);
  if (touched(ASI_INPUTS)) checkAbilityScoreImprovements(state, level);
}

function describePools(pools: readonly SkillPool[]): string {
  return pools
    .map((pool) => `${pool.source.toLowerCase()} ${pool.name}: ${pool.count} of ${pool.from.length === SKILLS.length ? 'any skill' : pool.from.join(', ')}`)
    .join('; ');
}

function checkSkills(state: CharacterState): void {
  const granted = automaticSkillGrants(state).find((grant) => state.skillProficiencies.includes(grant.skill));
  if (granted) {
    throw invalidInput(`${granted.skill} is already granted by ${granted.name} (${granted.source.toLowerCase()}): choose another skill`, {
      field: 'skillProficiencies',
      rule: 'SKILL_ALREADY_GRANTED',
      skill: granted.skill,
    });
  }
  const pools = skillPools(state);
  const { unplaced } = allocateSkills(state.skillProficiencies, pools);
  if (unplaced.length) {
    throw invalidInput(`skillProficiencies do not fit the choices of this character (${describePools(pools)}): ${unplaced.join(', ')} left over`, {
      field: 'skillProficiencies',
      rule: 'SKILL_CHOICES',
      pools: pools.map((pool) => ({ source: pool.source, name: pool.name, count: pool.count, from: pool.from })),
    });
  }
}

function checkExpertise(state: CharacterState, level: number): void {
  const allowed = expertiseCount(state.characterClass, level);
  if (new Set(state.expertise).size !== state.expertise.length || state.expertise.length > allowed) {
    throw invalidInput(
      `a level ${level} ${state.characterClass.toLowerCase()} may have Expertise in ${allowed} different skills, got ${state.expertise.length}`,
      {
        field: 'expertise',
        rule: 'EXPERTISE_COUNT',
        allowed,
      },
    );
  }
  const proficient = proficientSkills(state.skillProficiencies, state);
  const lacking = state.expertise.find((skill) => !proficient.has(skill));
  if (lacking) {
    throw invalidInput(`Expertise needs proficiency in the skill, and ${lacking} is not one of this character's proficiencies`, {
      field: 'expertise',
      rule: 'EXPERTISE_NOT_PROFICIENT',
      skill: lacking,
    });
  }
}

function checkFightingStyles(state: CharacterState, level: number): void {
  const grants = fightingStyleGrants(state.characterClass, state.subclass, level);
  const offered = new Set(grants.flatMap((grant) => grant.from));
  const refuse = (message: string) => invalidInput(message, { field: 'fightingStyles', rule: 'FIGHTING_STYLE', allowed: grants.length, from: [...offered] });
  if (new Set(state.fightingStyles).size !== state.fightingStyles.length)
    throw refuse('fightingStyles lists a style twice (SRD: the same style cannot be taken more than once)');
  if (state.fightingStyles.length > grants.length) {
    throw refuse(`a level ${level} ${state.characterClass.toLowerCase()} has ${grants.length} Fighting Style choices, got ${state.fightingStyles.length}`);
  }
  const wrong = state.fightingStyles.find((style) => !offered.has(style));
  if (wrong) throw refuse(`${wrong} is not a fighting style this character can choose (${[...offered].join(', ') || 'none'})`);
}

function checkAbilityScoreImprovements(state: CharacterState, level: number): void {
  const levels = abilityScoreImprovementLevels(state.characterClass);
  const seen = new Set<number>();
  const sorted = [...state.abilityScoreImprovements].sort((a, b) => a.level - b.level);
  const racial = finalAbilityScores(state.baseScores, state.race, state.abilityBonusChoices);
  sorted.forEach((asi, index) => {
    const field = 'abilityScoreImprovements';
    if (!levels.includes(asi.level) || asi.level > level || seen.has(asi.level)) {
      throw invalidInput(
        `level ${asi.level} is not an open Ability Score Improvement of this level ${level} ${state.characterClass.toLowerCase()} (${levels.join(', ')}; each once)`,
        { field, rule: 'ASI_LEVEL', level: asi.level },
      );
    }
    seen.add(asi.level);
    if (asi.feat !== null) {
      if (!isFeat(asi.feat) || Object.values(asi.increases).some((amount) => amount !== 0)) {
        throw invalidInput(`level ${asi.level}: a feat is taken instead of the increases, not with them`, { field, rule: 'ASI_INCREASE', level: asi.level });
      }
      // The prerequisite holds at the level the feat is taken: racial increases plus the earlier improvements.
      const earlier = improvementBonuses(sorted.slice(0, index));
      const missing = Object.entries(FEAT_RULES[asi.feat].minimumScores).find(
        ([ability, minimum]) => racial[ability as keyof typeof racial] + earlier[ability as keyof typeof earlier] < minimum,
      );
      if (missing) {
        throw invalidInput(`${FEAT_RULES[asi.feat].name} needs ${missing[0].toLowerCase()} ${missing[1]} or higher`, {
          field,
          rule: 'FEAT_PREREQUISITE',
          feat: asi.feat,
        });
      }
    } else if (!isValidIncrease(asi.increases)) {
      throw invalidInput(`level ${asi.level}: an Ability Score Improvement is +2 to one ability or +1 to two`, {
        field,
        rule: 'ASI_INCREASE',
        level: asi.level,
      });
    }
  });
  const improved = improvementBonuses(sorted);
  const over = ABILITIES.find((ability) => improved[ability] > 0 && racial[ability] + improved[ability] > ASI_SCORE_CAP);
  if (over) {
    throw invalidInput(`Ability Score Improvements cannot raise ${over.toLowerCase()} above ${ASI_SCORE_CAP} (it would be ${racial[over] + improved[over]})`, {
      field: 'abilityScoreImprovements',
      rule: 'ASI_CAP',
      ability: over,
    });
  }
}
