import { forbidden, invalidInput } from '#lib/domain/index.js';
import { isUuid } from '#lib/db/uuid.js';
import type { Context } from '../context.js';
import type { ImageVisibility } from '../db/schema.js';

/**
 * Where an upload may go: an image of a campaign only by someone at its table (its DM or a joined player), so that
 * nobody fills a stranger's campaign with pictures; PARTY and DM_ONLY only inside a campaign, since outside one there
 * is no table to show them to; DM_ONLY only by the campaign's DM. Answers the campaign id, lower-cased, or null.
 */
export async function placeUpload(ctx: Context, campaignId: string | null | undefined, visibility: ImageVisibility): Promise<string | null> {
  if (!campaignId) {
    if (visibility !== 'PUBLIC')
      throw invalidInput(`visibility ${visibility} needs a campaignId: only a campaign has a table to show it to`, { field: 'visibility' });
    return null;
  }
  if (!isUuid(campaignId)) throw invalidInput('campaignId must be a campaign id (UUID)', { field: 'campaignId' });
  const id = campaignId.toLowerCase();
  const standing = await ctx.campaigns();
  if (!standing.sitsAt.has(id)) throw forbidden("Only the campaign's dungeon master and its joined players may add images to it", { field: 'campaignId' });
  if (visibility === 'DM_ONLY' && !standing.runs.has(id))
    throw forbidden("Only the campaign's dungeon master may make an image DM_ONLY", { field: 'visibility' });
  return id;
}

/**
 * Who may change an image's visibility: its owner, or the DM of its campaign (a DM reveals a player's scene, or hides
 * it); DM_ONLY only that DM; PARTY and DM_ONLY only for an image of a campaign. `runsIt`: the caller runs the
 * image's campaign (an image never changes campaign, so it holds for the locked row too).
 */
export function checkVisibilityChange(
  userId: string,
  runsIt: boolean,
  image: { ownerId: string; campaignId: string | null },
  visibility: ImageVisibility,
): void {
  if (image.ownerId !== userId && !runsIt) throw forbidden("Only the image's owner or its campaign's dungeon master may change who sees it", { field: 'id' });
  if (visibility !== 'PUBLIC' && !image.campaignId) throw invalidInput(`visibility ${visibility} needs an image of a campaign`, { field: 'visibility' });
  if (visibility === 'DM_ONLY' && !runsIt) throw forbidden("Only the campaign's dungeon master may make an image DM_ONLY", { field: 'visibility' });
}
