import { abilityModifier } from './abilities.js';

/** The fixed value a player may take instead of rolling: half the die plus one (SRD "Hit Points"). */
export function averageHitDieRoll(hitDie: number): number {
  return hitDie / 2 + 1;
}

export interface HitPointLevel {
  level: number;
  /** The die's contribution: the maximum at level 1, then the stored roll or the fixed average. */
  dieValue: number;
  rolled: boolean;
  /** What the level adds to the maximum: max(1, die + CON) plus any racial bonus. */
  hitPoints: number;
}

export interface HitPointInput {
  level: number;
  hitDie: number;
  constitution: number;
  /** rolls[i] is the roll for level i + 2; levels without one use the fixed average. */
  rolls: readonly number[];
  /** Extra hit points per level (hill dwarf). */
  bonusPerLevel: number;
}

/**
 * Level 1: the die's maximum + CON modifier; each later level: the stored roll (or the average) + CON
 * modifier. A level never adds less than 1 (SRD: "minimum of 1" per level), before racial bonuses.
 */
export function hitPointLevels(input: HitPointInput): HitPointLevel[] {
  const conMod = abilityModifier(input.constitution);
  const levels: HitPointLevel[] = [];
  for (let level = 1; level <= input.level; level++) {
    const roll = level === 1 ? undefined : input.rolls[level - 2];
    const dieValue = level === 1 ? input.hitDie : (roll ?? averageHitDieRoll(input.hitDie));
    levels.push({
      level,
      dieValue,
      rolled: roll !== undefined,
      hitPoints: Math.max(1, dieValue + conMod) + input.bonusPerLevel,
    });
  }
  return levels;
}

export function maxHitPoints(input: HitPointInput): number {
  return hitPointLevels(input).reduce((sum, level) => sum + level.hitPoints, 0);
}
