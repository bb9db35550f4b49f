import { randomUUID } from 'node:crypto';
import { runCommand, type VersionExpectation } from '#lib/domain/index.js';
import type { Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import { drawSeed, replaceSeed, takeSeed } from '../db/roll-seed-store.js';
import type { CharacterRow } from '../db/schema.js';
import { dieStream, evaluateRoll, formatTerms, type RolledDie, type Term } from '../dice/index.js';
import type { DiceRolledData } from '../events/character-events.js';
import { loadCharacter, requestCommand } from '../events/run-character-command.js';

export interface RollRequest {
  terms: Term[];
  clientSeed: string;
  purpose: string | null;
  /** rollHitPoints: what the event adds to the stored hit point rolls, from the dice rolled. */
  hitPoints?: (dice: RolledDie[]) => NonNullable<DiceRolledData['hitPoints']>;
}

/**
 * The one write of a roll, as lib/domain's command: under the stream lock, load the character and the seed promised
 * for this roll (locked FOR UPDATE, so two rolls never share one); decide the dice from it; append DiceRolled (the
 * seed revealed, the next one committed to) as event `rollId`; then store the next seed in the same transaction. The
 * decision of who may roll what is the caller's; this makes the roll happen exactly once and provably.
 */
export async function recordRoll(
  ctx: Context,
  characterId: string,
  expectedVersion: VersionExpectation,
  request: RollRequest,
): Promise<{ character: CharacterRow; roll: DiceRolledData; recordedAt: Date }> {
  const next = drawSeed();
  const rollId = randomUUID();
  const answer = await runCommand(ctx.db, {
    ...requestCommand(ctx, characterId),
    expectedVersion,
    load: async (tx) => ({ row: await loadCharacter(tx, characterId), seed: await takeSeed(tx, characterId) }),
    decide: ({ seed }) => {
      const expression = formatTerms(request.terms);
      const { dice, total } = evaluateRoll(request.terms, dieStream(seed.seed, request.clientSeed, seed.nonce, expression));
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
        nextCommitment: next.commitment,
        ...(request.hitPoints ? { hitPoints: request.hitPoints(dice) } : {}),
      };
      return { events: [{ type: 'DiceRolled', data: roll, eventId: rollId }], outcome: roll };
    },
    answer: async (tx, { outcome, stored }) => {
      await replaceSeed(tx, characterId, outcome.nonce + 1, next);
      return { character: await findCharacter(tx, characterId), roll: outcome, recordedAt: stored[0]!.recordedAt };
    },
  });
  ctx.loaders.character.clear(characterId);
  if (!answer.character) throw new Error(`character ${characterId} has no row right after its roll`);
  ctx.loaders.character.prime(characterId, answer.character);
  return { ...answer, character: answer.character };
}
