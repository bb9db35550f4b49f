import { hubRequest, type HubCaller } from '../../../../lib/hub-client/index.js';
import { processLogger } from '../../../../lib/telemetry/logger.js';
import { LlmCallerCampaignsDocument, type LlmCallerCampaignsQuery } from '../__generated__/hub/graphql.js';

// 10 pages of 100: a thousand campaigns is far beyond any one DM's tables, and bounds the hub calls of one request.
const MAX_PAGES = 10;

/**
 * The ids of the campaigns the caller runs as dungeon master, asked of the campaign service through the hub as the
 * caller (so campaign decides membership, not this service). A hub failure reads as "none": the DM then sees only
 * what they asked for themselves, which fails closed.
 */
export async function dungeonMasterCampaigns(caller: HubCaller): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  try {
    for (let page = 0; page < MAX_PAGES; page++) {
      const { campaigns }: LlmCallerCampaignsQuery = await hubRequest({ caller }, LlmCallerCampaignsDocument, { after });
      for (const { node } of campaigns.edges) if (node.myRole === 'DM') ids.add(node.id.toLowerCase());
      if (!campaigns.pageInfo.hasNextPage) break;
      after = campaigns.pageInfo.endCursor ?? null;
    }
  } catch (err) {
    processLogger('llm').warn({ error: err instanceof Error ? err.message : String(err) }, 'could not read the caller\'s campaigns; only their own generations are shown');
    return new Set();
  }
  return ids;
}

