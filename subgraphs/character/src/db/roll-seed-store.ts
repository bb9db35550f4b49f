import { eq } from 'drizzle-orm';
import type { Executor } from '#lib/event-store/index.js';
import { commitmentOf, newServerSeed } from '../dice/fair-dice.js';
import { rollSeeds, type RollSeedRow, type schema } from './schema.js';

type Db = Executor<typeof schema>;

/** What may be shown of a seed before its roll: never the seed itself. */
export interface PublishedCommitment {
  nonce: number;
  commitment: string;
}

/**
 * The commitment to the character's next roll, drawing its seed on first ask (a character rolls with no setup).
 * Two first asks at once both insert-or-keep the same row: each reads the one that won.
 */
export async function nextCommitment(db: Db, characterId: string): Promise<PublishedCommitment> {
  const [existing] = await db
    .select({ nonce: rollSeeds.nonce, commitment: rollSeeds.commitment })
    .from(rollSeeds)
    .where(eq(rollSeeds.characterId, characterId));
  if (existing) return existing;
  await db
    .insert(rollSeeds)
    .values({ characterId, nonce: 0, ...drawSeed() })
    .onConflictDoNothing();
  const [row] = await db.select({ nonce: rollSeeds.nonce, commitment: rollSeeds.commitment }).from(rollSeeds).where(eq(rollSeeds.characterId, characterId));
  return row!;
}

/**
 * In the roll's transaction: the seed promised for this roll, locked (FOR UPDATE) so that two rolls at once never
 * use one seed: the second waits and takes the next.
 */
export async function takeSeed(tx: Db, characterId: string): Promise<RollSeedRow> {
  await nextCommitment(tx, characterId);
  const [row] = await tx.select().from(rollSeeds).where(eq(rollSeeds.characterId, characterId)).for('update');
  return row!;
}

/** A fresh seed for the roll after this one: drawn before the roll, so its commitment goes in the roll's event. */
export function drawSeed(): { seed: string; commitment: string } {
  const seed = newServerSeed();
  return { seed, commitment: commitmentOf(seed) };
}

/** Replaces the used seed by the drawn one, for roll `nonce`. */
export async function replaceSeed(tx: Db, characterId: string, nonce: number, next: { seed: string; commitment: string }): Promise<void> {
  await tx.update(rollSeeds).set({ nonce, seed: next.seed, commitment: next.commitment, createdAt: new Date() }).where(eq(rollSeeds.characterId, characterId));
}
