import { and, asc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { CharacterClass } from '../rules/index.js';
import { experienceRange } from '../rules/index.js';
import { isUuid } from '#lib/db/uuid.js';
import { characters, type CharacterDb, type CharacterRow } from './schema.js';

/** The sort key of the characters connection, carried in its cursors. */
export interface CharacterCursor {
  createdAt: string;
  id: string;
}

export function isCharacterCursor(value: unknown): value is CharacterCursor {
  if (typeof value !== 'object' || value === null) return false;
  const { createdAt, id } = value as Record<string, unknown>;
  return typeof createdAt === 'string' && !Number.isNaN(Date.parse(createdAt)) && isUuid(id);
}

export function cursorOf(row: CharacterRow): CharacterCursor {
  return { createdAt: row.createdAt.toISOString(), id: row.id };
}

export interface CharacterListFilter {
  owner?: string | null;
  characterClass?: CharacterClass | null;
  level?: number | null;
}

function filterConditions(filter: CharacterListFilter): SQL[] {
  const conditions: SQL[] = [];
  if (filter.owner) conditions.push(eq(characters.owner, filter.owner));
  if (filter.characterClass) conditions.push(eq(characters.characterClass, filter.characterClass));
  if (filter.level) {
    // Level is derived from experience: the filter becomes an experience range the database can use.
    const range = experienceRange(filter.level);
    conditions.push(gte(characters.experience, range.min));
    if (range.max !== null) conditions.push(lt(characters.experience, range.max));
  }
  return conditions;
}

/** One page (limit + 1 rows, to tell whether more follow) and the total count of the filter. */
export async function listCharacters(db: CharacterDb, filter: CharacterListFilter, limit: number, after: CharacterCursor | null, withCount = true) {
  const conditions = filterConditions(filter);
  const keyset = after ? [sql`(${characters.createdAt}, ${characters.id}) > (${after.createdAt}::timestamptz, ${after.id}::uuid)`] : [];
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(characters)
      .where(and(...conditions, ...keyset))
      .orderBy(asc(characters.createdAt), asc(characters.id))
      .limit(limit + 1),
    withCount
      ? db
          .select({ total: sql<number>`count(*)::int` })
          .from(characters)
          .where(and(...conditions))
      : [],
  ]);
  return { rows, totalCount: withCount ? Number(count?.total ?? 0) : undefined };
}

export async function findCharacter(db: CharacterDb, id: string): Promise<CharacterRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(characters).where(eq(characters.id, id));
  return row;
}
