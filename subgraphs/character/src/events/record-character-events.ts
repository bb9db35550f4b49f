import { recordEvents, type ExpectedVersion, type Transaction } from '#lib/event-store/index.js';
import { guardResources } from '#lib/transactions/index.js';
import type { Context } from '../context.js';
import { characterResource } from '../transactions/payloads.js';
import type { schema } from '../db/schema.js';
import { characterStreamId, type CharacterEvent } from './character-events.js';
import { characterProjection } from './projection.js';

/**
 * Appends one character's events in `tx` and applies them to the read table, tagged with the request's ids.
 * For ordinary mutations: a character a hub transaction has prepared is not changed under it (CONFLICT).
 */
export async function recordCharacterEvents(
  tx: Transaction<typeof schema>,
  ctx: Context,
  characterId: string,
  expectedVersion: ExpectedVersion,
  // eventId: set when the event's id is a handle of its own (a roll's rollId); else a fresh one.
  events: Array<CharacterEvent & { eventId?: string }>,
) {
  await guardResources(tx, [characterResource(characterId)]);
  return recordEvents(tx, characterProjection, {
    streamId: characterStreamId(characterId),
    expectedVersion,
    events,
    correlationId: ctx.correlationId,
    userId: ctx.userId,
  });
}
