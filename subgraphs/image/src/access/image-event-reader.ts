import { and, asc, eq, lt } from 'drizzle-orm';
import { entityIdOfStream, events, type AcceptEvent, type StoredEvent } from '#lib/event-store/index.js';
import { callerCampaigns } from '#lib/gateway-client/index.js';
import type { Context } from '../context.js';
import type { ImageEvent } from '../events/image-events.js';
import { maySee, type Guarded } from './image-access.js';

/**
 * Who receives an image's events: whoever may see the image as it stands at that event (image-access.ts), so a
 * DM_ONLY map's prompt never reaches a player through the feed, and a map revealed to the party reaches it from
 * then on. What decides is folded per image from its own events, from the stream's start when the subscription
 * meets the image mid-stream (a deleted image's stream still says who could see it).
 */
export function imageEventReader(ctx: Context, userId: string): AcceptEvent {
  const guards = new Map<string, Guarded | null>();
  // Asked afresh for every event that needs it (one neither public nor the subscriber's): a player who leaves or is
  // removed stops receiving a campaign's image events at once. Image events are rare (an upload, a reveal), so this
  // costs a hub call per such event and subscriber, not per second.
  const campaigns = () => callerCampaigns(ctx.hub, 'image');
  return async (stored) => {
    const imageId = entityIdOfStream(stored.streamId, 'image');
    let guard = guards.get(imageId);
    if (guard === undefined) guards.set(imageId, (guard = await guardBefore(ctx, stored)));
    guard = fold(guard, { type: stored.type, data: stored.data } as ImageEvent);
    guards.set(imageId, guard);
    return guard !== null && maySee(userId, guard, campaigns);
  };
}

/** What the image's stream said of who sees it before `stored`. */
async function guardBefore(ctx: Context, stored: StoredEvent): Promise<Guarded | null> {
  const earlier = await ctx.db
    .select({ type: events.type, data: events.data })
    .from(events)
    .where(and(eq(events.streamId, stored.streamId), lt(events.streamVersion, stored.streamVersion)))
    .orderBy(asc(events.streamVersion));
  return earlier.reduce<Guarded | null>((guard, event) => fold(guard, event as ImageEvent), null);
}

function fold(guard: Guarded | null, event: ImageEvent): Guarded | null {
  if (event.type === 'ImageStored')
    return { ownerId: event.data.ownerId, campaignId: event.data.campaignId ?? null, visibility: event.data.visibility ?? 'PUBLIC' };
  if (event.type === 'ImageVisibilityChanged' && guard) return { ...guard, visibility: event.data.visibility };
  return guard;
}
