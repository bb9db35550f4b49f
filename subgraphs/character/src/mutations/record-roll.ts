import { randomUUID } from 'node:crypto';
import type { ExpectedVersion } from '#lib/event-store/index.js';
import type { Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import { replaceSeed, takeSeed } from '../db/roll-seed-store.js';
import type { CharacterRow } from '../db/schema.js';
import { dieStream, evaluateRoll, formatTerms, type RolledDie, type Term } from '../dice/index.js';
import type { DiceRolledData } from '../events/character-events.js';
import { recordCharacterEvents } from '../events/record-character-events.js';

export interface RollRequest {
  terms: Term[];
  clientSeed: string;
  purpose: string | null;
  /** rollHitPoints: what the event adds to the stored hit point rolls, from the dice rolled. */
  hitPoints?: (dice: RolledDie[]) => NonNullable<DiceRolledData['hitPoints']>;
}

/**
 * The one write of a roll, in one transaction: take the seed promised for it (locked), roll, draw and commit to the
 * next seed, and append DiceRolled (the seed revealed) to the character's stream. The decision (who may roll, what)
 * is the caller's; this function only makes the roll happen exactly once and provably.
 */
export async function recordRoll(
  ctx: Context,
  characterId: string,
  expectedVersion: ExpectedVersion,
  request: RollRequest,
): Promise<{ character: CharacterRow; roll: DiceRolledData; recordedAt: Date }> {
  return ctx.db.transaction(async (tx) => {
    const seed = await takeSeed(tx, characterId);
    const expression = formatTerms(request.terms);
    const { dice, total } = evaluateRoll(request.terms, dieStream(seed.seed, request.clientSeed, seed.nonce, expression));
    const nextCommitment = await replaceSeed(tx, characterId, seed.nonce + 1);
    const rollId = randomUUID();
    const roll: DiceRolledData = {
      characterId,
      rollId,
      purpose: request.purpose,
      expression,
      dice,
      total,
      serverSeed: seed.seed,
      commitment: seed.commitment,
      clientSeed: request.clientSeed,
      nonce: seed.nonce,
      nextCommitment,
      ...(request.hitPoints ? { hitPoints: request.hitPoints(dice) } : {}),
    };
    const { stored } = await recordCharacterEvents(tx, ctx, characterId, expectedVersion, [{ type: 'DiceRolled', data: roll, eventId: rollId }]);
    const character = await findCharacter(tx, characterId);
    return { character: character!, roll, recordedAt: stored[0]!.recordedAt };
  });
}
