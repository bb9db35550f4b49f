import { asc, eq, sql } from 'drizzle-orm';
import { eventHash } from './event-hash.js';
import type { Executor } from './executor.js';
import { readStream } from './read-stream.js';
import { events, eventStreams } from './schema.js';

/** The first place where a stream's stored history disagrees with itself. */
export interface ChainBreak {
  streamId: string;
  /** The event version at fault; for a stream-row mismatch, the version event_streams claims. */
  version: number;
  reason: 'hash' | 'previous_hash' | 'version_gap' | 'stream_row';
  expected: string;
  stored: string;
}

export interface VerifyResult {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** The first break found (streams in id order, events in version order); absent when ok. */
  firstBreak?: ChainBreak;
}

/**
 * Recomputes one stream's hash chain: versions 1..n without gaps, each previous_hash equal to the stored hash
 * before it, each hash equal to the recomputed one, and event_streams' version and last hash equal to the last event.
 * An edited row breaks at its own version; an edited row whose hash was also recomputed breaks at the next one.
 */
export async function verifyStream<TSchema extends Record<string, unknown>>(db: Executor<TSchema>, streamId: string): Promise<VerifyResult> {
  const history = await readStream(db, streamId);
  const [streamRow] = await db.select().from(eventStreams).where(eq(eventStreams.streamId, streamId));
  let previous: string | null = null;
  const fail = (firstBreak: ChainBreak): VerifyResult => ({ ok: false, streamsChecked: 1, eventsChecked: history.length, firstBreak });
  for (const [index, event] of history.entries()) {
    const version = index + 1;
    if (event.streamVersion !== version) {
      return fail({ streamId, version, reason: 'version_gap', expected: String(version), stored: String(event.streamVersion) });
    }
    if (event.previousHash !== previous) {
      return fail({ streamId, version, reason: 'previous_hash', expected: previous ?? '(none)', stored: event.previousHash ?? '(none)' });
    }
    const expected = eventHash({ previousHash: previous, streamId, streamVersion: version, type: event.type, data: event.data, metadata: event.metadata });
    if (event.hash !== expected) return fail({ streamId, version, reason: 'hash', expected, stored: event.hash });
    previous = event.hash;
  }
  const claimedVersion = streamRow?.version ?? 0;
  if (claimedVersion !== history.length || (streamRow?.lastHash ?? null) !== previous) {
    return fail({
      streamId,
      version: claimedVersion,
      reason: 'stream_row',
      expected: `version ${history.length}, last hash ${previous ?? '(none)'}`,
      stored: `version ${claimedVersion}, last hash ${streamRow?.lastHash ?? '(none)'}`,
    });
  }
  return { ok: true, streamsChecked: 1, eventsChecked: history.length };
}

/** Every stream (those with events and those only in event_streams), in stream id order; stops at the first break. */
export async function verifyAllStreams<TSchema extends Record<string, unknown>>(db: Executor<TSchema>): Promise<VerifyResult> {
  const streams = await db
    .select({ streamId: events.streamId })
    .from(events)
    .union(db.select({ streamId: eventStreams.streamId }).from(eventStreams))
    .orderBy(asc(sql`1`));
  let eventsChecked = 0;
  for (const [index, { streamId }] of streams.entries()) {
    const result = await verifyStream(db, streamId);
    eventsChecked += result.eventsChecked;
    if (!result.ok) return { ok: false, streamsChecked: index + 1, eventsChecked, ...(result.firstBreak ? { firstBreak: result.firstBreak } : {}) };
  }
  return { ok: true, streamsChecked: streams.length, eventsChecked };
}
