import { invalidInput } from '#lib/domain/index.js';
import type { ShortRestInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { availableFeatures, featureUsesAfterRest, hitDieHealing } from '../rules/index.js';
import { modifierOf, refuseIfDead, resourcesOf, runPlayCommand } from './play-command.js';

/** shortRest: spends hit dice as rolled, heals, and restores pact slots and short-rest features. */
export function shortRest(input: ShortRestInput, ctx: Context) {
  return runPlayCommand(input, ctx, (state, sheet, row) => {
    refuseIfDead(sheet);
    // Decision (the SRD is silent for short rests; a long rest needs at least 1 hit point): a character at 0 hit
    // points is unconscious and dying or stable, not resting. It is stabilized and regains a hit point first (the
    // SRD's 1d4 hours, or healing), then rests: the same rule as the long rest's.
    if (Math.min(state.currentHitPoints, sheet.maxHitPoints) === 0) {
      throw invalidInput('a character at 0 hit points cannot rest: it must regain at least 1 hit point first', {
        field: 'characterId',
        rule: 'NO_HIT_POINTS',
      });
    }
    const { hitDice } = resourcesOf(state, sheet);
    const rolls = input.hitDieRolls;
    if (rolls.length > hitDice.remaining) {
      throw invalidInput(`${rolls.length} hit dice rolled but only ${hitDice.remaining} of ${hitDice.total} left (a long rest regains them)`, {
        field: 'hitDieRolls',
        rule: 'NO_HIT_DICE_LEFT',
      });
    }
    rolls.forEach((roll, index) => {
      if (!Number.isInteger(roll) || roll < 1 || roll > hitDice.die) {
        throw invalidInput(`hitDieRolls[${index}] must be a d${hitDice.die} roll, 1 to ${hitDice.die}, got ${roll}`, {
          field: `hitDieRolls[${index}]`,
          rule: 'HIT_DIE_ROLL_OUT_OF_RANGE',
        });
      }
    });
    const constitutionModifier = modifierOf(sheet, 'CONSTITUTION');
    const healed = hitDieHealing({
      rolls,
      constitutionModifier,
      currentHitPoints: Math.min(state.currentHitPoints, sheet.maxHitPoints),
      maxHitPoints: sheet.maxHitPoints,
    });
    const charismaModifier = modifierOf(sheet, 'CHARISMA');
    const features = availableFeatures({
      characterClass: state.characterClass,
      race: state.race,
      subclass: state.subclass,
      level: sheet.level,
      charismaModifier,
    });
    const sorcererLevel = state.characterClass === 'SORCERER' ? sheet.level : null;
    return {
      event: {
        type: 'ShortRestTaken',
        data: {
          characterId: row.id,
          hitDieRolls: [...rolls],
          constitutionModifier,
          healing: healed.healing,
          result: {
            currentHitPoints: healed.currentHitPoints,
            hitDiceSpent: hitDice.spent + rolls.length,
            // SRD Pact Magic: expended slots come back on a short or long rest.
            pactSlotsSpent: 0,
            featureUsesSpent: featureUsesAfterRest(state.featureUsesSpent, features, 'SHORT', sorcererLevel),
          },
        },
      },
      payload: { healing: healed.healing },
    };
  });
}
