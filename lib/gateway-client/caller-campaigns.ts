import { processLogger } from '../telemetry/logger.js';
import { CallerCampaignsDocument, type CallerCampaignsQuery } from './__generated__/hub/graphql.js';
import type { GatewayCaller } from './gateway-caller.js';
import { gatewayRequest } from './gateway-client.js';

// 10 pages of 100: a thousand campaigns is far beyond any one user's tables, and bounds the hub calls of one request.
const MAX_PAGES = 10;

/** Where the caller stands in the campaigns they belong to: what campaign-linked content of other services they see. */
export interface CallerCampaigns {
  /** Campaigns the caller runs as dungeon master. */
  runs: ReadonlySet<string>;
  /** Campaigns the caller sits at: runs, or joined as a player (an invited player is not at the table yet). */
  sitsAt: ReadonlySet<string>;
}

const NONE: CallerCampaigns = { runs: new Set(), sitsAt: new Set() };

/**
 * The caller's campaigns, asked of the campaign service through the hub as the caller, so that membership is decided
 * where it lives. A hub failure reads as "none": the caller then sees only their own and public content, which fails
 * closed, and the warning says why they saw less.
 */
export async function callerCampaigns(caller: GatewayCaller, service: string): Promise<CallerCampaigns> {
  if (!caller.userId) return NONE;
  const runs = new Set<string>();
  const sitsAt = new Set<string>();
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const { campaigns }: CallerCampaignsQuery = await gatewayRequest({ caller }, CallerCampaignsDocument, { after });
      for (const { node } of campaigns.edges) {
        const id = node.id.toLowerCase();
        if (node.myRole === 'DM') runs.add(id);
        if (node.myStatus === 'ACTIVE') sitsAt.add(id);
      }
      if (!campaigns.pageInfo.hasNextPage) break;
      after = campaigns.pageInfo.endCursor ?? null;
    }
  } catch (err) {
    processLogger(service).warn(
      { error: err instanceof Error ? err.message : String(err) },
      "could not read the caller's campaigns; campaign-linked content is hidden",
    );
    return NONE;
  }
  return { runs, sitsAt };
}
