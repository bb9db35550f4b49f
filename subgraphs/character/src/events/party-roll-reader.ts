import { eq } from 'drizzle-orm';
import { entityIdOfStream, type AcceptEvent } from '#lib/event-store/index.js';
import { isUuid } from '#lib/db/uuid.js';
import { badUserInput, forbidden, userError } from '#lib/graphql/index.js';
import { processLogger } from '#lib/telemetry/index.js';
import type { Context } from '../context.js';
import { characters } from '../db/schema.js';
import { campaignDungeonMaster } from '../hub/hub-queries.js';

/**
 * partyRolls' gate: the caller must be the campaign's dungeon master, asked of the campaign service through the hub
 * on the caller's behalf. A failed ask is said (SERVICE_UNAVAILABLE), never taken for "not the DM": a refusal that
 * cannot be told from an outage is how a broken delegation once went unnoticed.
 */
export async function requirePartyDungeonMaster(ctx: Context, userId: string, campaignId: string): Promise<void> {
  if (!isUuid(campaignId)) throw badUserInput(`campaignId must be a campaign's id, got ${JSON.stringify(campaignId)}`, { field: 'campaignId' });
  let dm: string | null;
  try {
    dm = await campaignDungeonMaster(ctx, campaignId);
  } catch (error) {
    processLogger('character').warn({ err: error, campaignId }, 'partyRolls: the campaign service could not be asked');
    throw userError('SERVICE_UNAVAILABLE', 'the campaign service could not be asked who runs this campaign: try again');
  }
  if (dm !== userId) throw forbidden("only the campaign's dungeon master watches its party's rolls");
}

/** Rolls of characters in the campaign's active party, as the party is when each roll arrives. */
export function partyRollReader(ctx: Context, campaignId: string): AcceptEvent {
  return async (event) => {
    const characterId = entityIdOfStream(event.streamId, 'character');
    const [row] = await ctx.db.select({ campaignId: characters.activeCampaignId }).from(characters).where(eq(characters.id, characterId));
    return row?.campaignId === campaignId;
  };
}
