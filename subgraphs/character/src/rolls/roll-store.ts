import { and, desc, eq, lt } from 'drizzle-orm';
import { isUuid } from '#lib/db/uuid.js';
import type { Executor } from '#lib/event-store/index.js';
import { events, type schema } from '../db/schema.js';
import { characterStreamId } from '../events/character-events.js';
import { rollOfEvent, type RollRecord } from './roll-record.js';

type Db = Executor<typeof schema>;

const DICE_ROLLED = 'DiceRolled';

/** A character's rolls newest first, `limit` of them after the `before` position (the page's cursor). */
export async function rollsOf(db: Db, characterId: string, limit: number, before: number | null): Promise<RollRecord[]> {
  const rows = await db
    .select()
    .from(events)
    .where(
      and(eq(events.streamId, characterStreamId(characterId)), eq(events.type, DICE_ROLLED), before === null ? undefined : lt(events.globalPosition, before)),
    )
    .orderBy(desc(events.globalPosition))
    .limit(limit);
  return rows.map(rollOfEvent);
}

/** One roll by its id (the event's id: a unique index), or undefined. */
export async function rollById(db: Db, rollId: string): Promise<RollRecord | undefined> {
  if (!isUuid(rollId)) return undefined;
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.eventId, rollId.toLowerCase()), eq(events.type, DICE_ROLLED)));
  return row ? rollOfEvent(row) : undefined;
}

/** The roll the character made just before `roll` (its link in the chain), or undefined for a first roll. */
export async function previousRoll(db: Db, roll: RollRecord): Promise<RollRecord | undefined> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.streamId, characterStreamId(roll.data.characterId)), eq(events.type, DICE_ROLLED), lt(events.streamVersion, roll.streamVersion)))
    .orderBy(desc(events.streamVersion))
    .limit(1);
  return row ? rollOfEvent(row) : undefined;
}
