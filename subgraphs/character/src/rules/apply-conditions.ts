import { CONDITION_RULES, effectiveConditions, EXHAUSTION_LEVELS, type Condition, type RollEffect } from './conditions.js';

/** A roll effect on the sheet, with what causes it. */
export interface SheetRollEffect extends RollEffect {
  /** The condition, or `EXHAUSTION_<level>`. */
  source: Condition | `EXHAUSTION_${number}`;
}

/** What conditions and exhaustion do to a sheet. */
export interface PlayEffects {
  /** The conditions in effect, included ones (unconscious: incapacitated, prone) among them. */
  effectiveConditions: Condition[];
  incapacitated: boolean;
  /** SRD Exhaustion level 6: death. */
  dead: boolean;
  rollEffects: SheetRollEffect[];
}

interface AffectedNumbers {
  speed: number;
  maxHitPoints: number;
}

/**
 * Applies conditions and exhaustion to the numbers computeSheet derived without them: the last step of computeSheet,
 * because speed 0 overrides every bonus ("can't benefit from any bonus to its speed").
 */
export function applyConditions<T extends AffectedNumbers>(sheet: T, conditions: readonly string[], exhaustion: number): T & PlayEffects {
  const active = effectiveConditions(conditions);
  // SRD Exhaustion: a creature suffers the effect of its current level and of all lower levels.
  const exhaustionLevels = EXHAUSTION_LEVELS.filter((line) => line.level <= exhaustion);
  const rollEffects: SheetRollEffect[] = [
    ...active.flatMap((condition) => CONDITION_RULES[condition].rolls.map((roll) => ({ ...roll, source: condition }))),
    ...exhaustionLevels.flatMap((line) => line.rolls.map((roll) => ({ ...roll, source: `EXHAUSTION_${line.level}` as const }))),
  ];
  const dead = exhaustionLevels.some((line) => line.dead);
  const speedZero = dead || active.some((condition) => CONDITION_RULES[condition].speedZero) || exhaustionLevels.some((line) => line.speed === 'ZERO');
  const halved = exhaustionLevels.some((line) => line.speed === 'HALVED');
  const hitPointsHalved = exhaustionLevels.some((line) => line.hitPointMaximumHalved);
  return {
    ...sheet,
    // Halving rounds down, as every division in the SRD does unless it says otherwise.
    speed: speedZero ? 0 : halved ? Math.floor(sheet.speed / 2) : sheet.speed,
    maxHitPoints: hitPointsHalved ? Math.floor(sheet.maxHitPoints / 2) : sheet.maxHitPoints,
    effectiveConditions: active,
    incapacitated: active.includes('INCAPACITATED'),
    dead,
    rollEffects,
  };
}
