import { or, eq, and, inArray, type SQL } from 'drizzle-orm';
import type { CallerCampaigns } from '#lib/gateway-client/index.js';
import { requireUser } from '#lib/subgraph/index.js';
import type { Context } from '../context.js';
import { images, type ImageRow } from '../db/schema.js';

/** The parts of an image that decide who sees it. */
export type Guarded = Pick<ImageRow, 'ownerId' | 'campaignId' | 'visibility'>;

/**
 * Who sees an image, in one place for every path its metadata or bytes take (queries, references, portraits,
 * events, URLs): PUBLIC to every signed-in user; PARTY to the campaign's DM and joined players; DM_ONLY to the
 * campaign's DM; and always to its owner, who made it. `campaigns` is asked only for an image that is neither public
 * nor the caller's, so the common reads cost no hub call.
 */
export async function maySee(userId: string, image: Guarded, campaigns: () => Promise<CallerCampaigns>): Promise<boolean> {
  if (image.visibility === 'PUBLIC' || image.ownerId === userId) return true;
  if (!image.campaignId) return false;
  const standing = await campaigns();
  if (standing.runs.has(image.campaignId)) return true;
  return image.visibility === 'PARTY' && standing.sitsAt.has(image.campaignId);
}

/** The same rule as SQL, for lists and counts: the rows `userId` sees, given where they stand. */
export function visibleTo(userId: string, standing: CallerCampaigns): SQL {
  const runs = [...standing.runs];
  const sitsAt = [...standing.sitsAt];
  return or(
    eq(images.visibility, 'PUBLIC'),
    eq(images.ownerId, userId),
    ...(runs.length ? [inArray(images.campaignId, runs)] : []),
    ...(sitsAt.length ? [and(eq(images.visibility, 'PARTY'), inArray(images.campaignId, sitsAt))!] : []),
  )!;
}

/** `row` when the signed-in caller may see it, else null: a hidden image reads exactly like a missing one. */
export async function visibleImage(ctx: Context, row: ImageRow | null): Promise<ImageRow | null> {
  const userId = requireUser(ctx);
  return row && (await maySee(userId, row, ctx.campaigns)) ? row : null;
}
