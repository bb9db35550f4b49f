import { DiceExpressionError, parseDiceExpression } from './dice-expression.js';
import { evaluateRoll, type RolledDie } from './evaluate-roll.js';
import { commitmentOf, dieStream } from './fair-dice.js';

/** What a roll publishes once it is made: everything needed to redo it. The DiceRolled event carries exactly this. */
export interface RollProof {
  /** The canonical expression rolled (advantage already written out: "2d20kh1+5"). */
  expression: string;
  dice: RolledDie[];
  total: number;
  /** The seed, revealed after the roll. */
  serverSeed: string;
  /** sha256(serverSeed), published before the roll (the previous roll's nextCommitment, or nextRollCommitment). */
  commitment: string;
  clientSeed: string;
  /** The character's roll number: 0 for its first roll, then one more each roll. */
  nonce: number;
  /** The commitment to the seed of the character's next roll. */
  nextCommitment: string;
}

export interface RollVerification {
  valid: boolean;
  /** sha256(revealed seed) is the commitment. */
  commitmentMatches: boolean;
  /** The seed, client seed and nonce give exactly these dice and this total. */
  diceMatch: boolean;
  /** Why not, one plain sentence each; empty when valid. */
  problems: string[];
}

const HEX_64 = /^[0-9a-f]{64}$/;
const diceText = (dice: readonly RolledDie[]) => dice.map((die) => `${die.value}${die.kept ? '' : '(dropped)'}`).join(' ');

/**
 * Redoes one roll from its proof, offline: the revealed seed hashes to the commitment, and the seed, client seed and
 * nonce give exactly these dice and this total. Needs nothing from the server.
 */
export function verifyRollProof(proof: RollProof): RollVerification {
  if (typeof proof.serverSeed !== 'string' || !HEX_64.test(proof.serverSeed)) {
    return { valid: false, commitmentMatches: false, diceMatch: false, problems: ['the revealed seed is not 32 bytes of hex'] };
  }
  const problems: string[] = [];
  const hashed = commitmentOf(proof.serverSeed);
  const commitmentMatches = hashed === proof.commitment;
  if (!commitmentMatches) problems.push(`sha256(seed) is ${hashed}, not the commitment ${proof.commitment}`);
  let terms;
  try {
    terms = parseDiceExpression(proof.expression);
  } catch (error) {
    if (!(error instanceof DiceExpressionError)) throw error;
    problems.push(`the expression ${JSON.stringify(proof.expression)} is not one a roll accepts`);
    return { valid: false, commitmentMatches, diceMatch: false, problems };
  }
  const redone = evaluateRoll(terms, dieStream(proof.serverSeed, proof.clientSeed, proof.nonce, proof.expression));
  const same =
    redone.dice.length === proof.dice.length &&
    redone.dice.every((die, index) => die.sides === proof.dice[index]?.sides && die.value === proof.dice[index]?.value && die.kept === proof.dice[index]?.kept);
  if (!same) problems.push(`the seed gives dice [${diceText(redone.dice)}], the roll says [${diceText(proof.dice)}]`);
  if (redone.total !== proof.total) problems.push(`the dice total ${redone.total}, the roll says ${proof.total}`);
  return { valid: problems.length === 0, commitmentMatches, diceMatch: same && redone.total === proof.total, problems };
}

/** A roll against the one before it on the same character: the seed used is the one promised, the nonce the next. */
export function verifyRollLink(previous: Pick<RollProof, 'nextCommitment' | 'nonce'> | undefined, proof: RollProof): string[] {
  if (!previous) return [];
  const problems: string[] = [];
  if (proof.commitment !== previous.nextCommitment)
    problems.push(`its commitment ${proof.commitment} is not the one the previous roll promised, ${previous.nextCommitment}`);
  if (proof.nonce !== previous.nonce + 1) problems.push(`its nonce ${proof.nonce} does not follow the previous roll's ${previous.nonce}`);
  return problems;
}

/** A whole character's rolls in order (e.g. from its event history): each proof, and each link of the chain. */
export function verifyRollChain(proofs: readonly RollProof[]): { valid: boolean; problems: string[] } {
  const problems = proofs.flatMap((proof, index) => {
    const own = verifyRollProof(proof).problems;
    const link = verifyRollLink(proofs[index - 1], proof);
    return [...own, ...link].map((problem) => `roll ${index} (nonce ${proof.nonce}): ${problem}`);
  });
  return { valid: problems.length === 0, problems };
}
