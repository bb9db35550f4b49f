import { eq } from 'drizzle-orm';
import type { Transaction } from '#lib/event-store/executor.js';
import { recordEvents } from '#lib/event-store/record-events.js';
import { eventStreams } from '#lib/event-store/schema.js';
import type { CampaignDatabase } from '../db/database.js';
import type { CampaignSchema } from '../db/schema.js';
import { campaignStream, type CampaignEvent } from './campaign-events.js';
import { campaignProjection } from './projection.js';

export type CampaignTx = Transaction<CampaignSchema>;

/** Who writes: carried into every event's metadata. */
export interface WriteMetadata {
  correlationId: string;
  userId: string | null;
}

/**
 * Locks the campaign's stream row for the rest of the transaction and answers its version. Every writer of a
 * campaign takes this lock BEFORE reading the state it decides from, so writers of one campaign run one after
 * the other and each decides from the state its predecessor committed (no lost update, gapless session numbers).
 * appendEvents takes the same row lock again later in this transaction, which PostgreSQL grants at once.
 */
export async function lockCampaignStream(tx: CampaignTx, streamId: string): Promise<number> {
  // The row exists for every campaign created through events; the insert covers a first write all the same.
  await tx.insert(eventStreams).values({ streamId }).onConflictDoNothing();
  const [row] = await tx.select({ version: eventStreams.version }).from(eventStreams).where(eq(eventStreams.streamId, streamId)).for('update');
  if (!row) throw new Error(`event_streams row for "${streamId}" vanished under its own lock`);
  return row.version;
}

/**
 * One campaign write in ONE transaction: lock the stream, `decide` the events from the read tables (which the
 * lock makes current), record them (append + projection), then `answer` from the updated read tables.
 * `decide` may throw a GraphQL error (nothing is written) or return no events (nothing to change).
 * expectedVersion is the version read under the lock: it cannot differ while we hold the lock, and it states
 * in the stored batch which version the decision was taken on.
 */
export async function writeCampaign<TAnswer>(
  db: CampaignDatabase,
  campaignId: string,
  metadata: WriteMetadata,
  decide: (tx: CampaignTx) => Promise<CampaignEvent[]>,
  answer: (tx: CampaignTx) => Promise<TAnswer>,
): Promise<TAnswer> {
  return db.transaction(async (tx) => {
    await writeCampaignIn(tx, campaignId, metadata, decide);
    return answer(tx);
  });
}

/** writeCampaign's steps inside a transaction the caller owns (a hub transaction branch commits in its own). */
export async function writeCampaignIn(
  tx: CampaignTx,
  campaignId: string,
  metadata: WriteMetadata & { causationId?: string },
  decide: (tx: CampaignTx) => Promise<CampaignEvent[]>,
): Promise<void> {
  const streamId = campaignStream(campaignId);
  const version = await lockCampaignStream(tx, streamId);
  const events = await decide(tx);
  if (events.length === 0) return;
  await recordEvents(tx, campaignProjection, {
    streamId,
    expectedVersion: version === 0 ? 'no_stream' : version,
    events,
    correlationId: metadata.correlationId,
    causationId: metadata.causationId,
    userId: metadata.userId,
  });
}
