import type { Transaction } from '#lib/event-store/executor.js';
import { lockStream } from '#lib/event-store/lock-stream.js';
import { runCommand, runCommandIn, type Command } from '#lib/domain/index.js';
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
 * Locks the campaign's stream row for the rest of the transaction and answers its version (lib/event-store
 * lockStream): a 2PC prepare that must see the campaign as its writers leave it (joinParty) takes it too.
 */
export function lockCampaignStream(tx: CampaignTx, streamId: string): Promise<number> {
  return lockStream(tx, streamId);
}

/**
 * One campaign write, through lib/domain's command runner in ONE transaction: lock the stream, then `decide` the
 * events from the read tables (which the lock makes current: writers of one campaign run one after the other, so no
 * lost update and gapless session numbers), record them (append at the version decided on + projection), then
 * `answer` from the updated read tables. `decide` reads what it needs as it goes, so it is the runner's `load`
 * (under the lock), and the runner's pure `decide` takes its events as they are. `decide` may throw a domain error
 * (nothing is written) or return no events (nothing to change).
 */
export async function writeCampaign<TAnswer>(
  db: CampaignDatabase,
  campaignId: string,
  metadata: WriteMetadata,
  decide: (tx: CampaignTx) => Promise<CampaignEvent[]>,
  answer: (tx: CampaignTx) => Promise<TAnswer>,
): Promise<TAnswer> {
  return runCommand(db, campaignCommand(campaignId, metadata, decide, answer));
}

/** writeCampaign's steps inside a transaction the caller owns (a hub transaction branch commits in its own). */
export async function writeCampaignIn(
  tx: CampaignTx,
  campaignId: string,
  metadata: WriteMetadata & { causationId?: string },
  decide: (tx: CampaignTx) => Promise<CampaignEvent[]>,
): Promise<void> {
  await runCommandIn(
    tx,
    campaignCommand(campaignId, metadata, decide, async () => undefined),
  );
}

function campaignCommand<TAnswer>(
  campaignId: string,
  metadata: WriteMetadata & { causationId?: string },
  decide: (tx: CampaignTx) => Promise<CampaignEvent[]>,
  answer: (tx: CampaignTx) => Promise<TAnswer>,
): Command<CampaignSchema, CampaignEvent[], void, TAnswer> {
  return {
    streamId: campaignStream(campaignId),
    entity: 'campaign',
    // 'any': decided under the lock from the latest state; the runner appends at exactly the version it locked.
    expectedVersion: 'any',
    projection: campaignProjection,
    metadata,
    load: decide,
    decide: (events) => ({ events, outcome: undefined }),
    answer: (tx) => answer(tx),
  };
}
