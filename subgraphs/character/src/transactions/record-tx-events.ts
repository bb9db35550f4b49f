import { recordEvents, type Transaction } from '#lib/event-store/index.js';
import type { BranchInfo } from '#lib/transactions/index.js';
import type { schema } from '../db/schema.js';
import { characterStreamId, type CharacterEvent } from '../events/character-events.js';
import { characterProjection } from '../events/projection.js';

/**
 * Appends a committed branch's events: correlated by the global transaction's id, so the events of one
 * transaction can be followed across services, and attributed to the user the hub acted for. Expected version
 * 'any': the branch's reservation already keeps every other writer off this character.
 */
export function recordCharacterTxEvents(tx: Transaction<typeof schema>, info: BranchInfo, characterId: string, events: CharacterEvent[]) {
  return recordEvents(tx, characterProjection, {
    streamId: characterStreamId(characterId),
    expectedVersion: 'any',
    events,
    correlationId: info.transactionId,
    causationId: info.transactionId,
    userId: info.actor,
  });
}
