import { recordEvents, type ExpectedVersion, type Transaction } from '../../../../lib/event-store/index.js';
import type { Context } from '../context.js';
import type { schema } from '../db/schema.js';
import { characterStreamId, type CharacterEvent } from './character-events.js';
import { characterProjection } from './projection.js';

/** Appends one character's events in `tx` and applies them to the read table, tagged with the request's ids. */
export function recordCharacterEvents(
  tx: Transaction<typeof schema>,
  ctx: Context,
  characterId: string,
  expectedVersion: ExpectedVersion,
  events: CharacterEvent[],
) {
  return recordEvents(tx, characterProjection, {
    streamId: characterStreamId(characterId),
    expectedVersion,
    events,
    correlationId: ctx.correlationId,
    userId: ctx.userId,
  });
}
