import { eq } from 'drizzle-orm';
import { entityIdOfStream, type AcceptEvent } from '#lib/event-store/index.js';
import type { Context } from '../context.js';
import { characters } from '../db/schema.js';
import { activeCampaignDungeonMaster } from '../hub/hub-queries.js';
import { processLogger } from '#lib/telemetry/index.js';

// 5 s: how long a subscription trusts one answer of who runs a character's table. A DM's access ends within it when
// the character leaves the party, and a subscriber to every stream costs at most one hub call per character per 5 s.
const DUNGEON_MASTER_TTL_MS = 5_000;

/**
 * Who may read a character's events: its owner, and the dungeon master of its active campaign (events carry the
 * DM's experience reasons and the party's session ids). Everyone else sees none of them, neither by subscription
 * nor by history. The owner never changes, so it is read once per character; a deleted character's events go to
 * whoever deleted it, its owner.
 */
export function characterEventReader(ctx: Context, userId: string): AcceptEvent {
  const owners = new Map<string, string | null>();
  const dungeonMasters = new Map<string, { dm: string | null; until: number }>();
  return async (event) => {
    const characterId = entityIdOfStream(event.streamId, 'character');
    if (!owners.has(characterId)) {
      const [row] = await ctx.db.select({ owner: characters.owner }).from(characters).where(eq(characters.id, characterId));
      owners.set(characterId, row?.owner ?? null);
    }
    const owner = owners.get(characterId);
    if (owner === userId) return true;
    if (owner === null) return event.type === 'CharacterDeleted' && event.metadata.userId === userId;
    let known = dungeonMasters.get(characterId);
    if (!known || known.until < Date.now()) {
      // Denied while the campaign service cannot be asked, but logged: a silent null hid a broken delegation once.
      const dm = await activeCampaignDungeonMaster(ctx, characterId).catch((error: unknown) => {
        processLogger('character').warn({ err: error, characterId }, 'characterEvents: the dungeon master could not be asked');
        return null;
      });
      dungeonMasters.set(characterId, (known = { dm, until: Date.now() + DUNGEON_MASTER_TTL_MS }));
    }
    return known.dm === userId;
  };
}
