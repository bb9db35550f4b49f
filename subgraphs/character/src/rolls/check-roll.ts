import { verifyRollLink, verifyRollProof } from '../dice/index.js';
import type { RollCheck, RollRecord } from './roll-record.js';

/** verifyRoll's answer: the pure verifier (src/dice) over the stored proof and its link to the roll before it. */
export function checkRoll(roll: RollRecord, previous: RollRecord | undefined): RollCheck {
  const own = verifyRollProof(roll.data);
  const link = verifyRollLink(previous?.data, roll.data);
  const problems = [...own.problems, ...link];
  return { roll, valid: problems.length === 0, commitmentMatches: own.commitmentMatches, diceMatch: own.diceMatch, chainIntact: link.length === 0, problems };
}
