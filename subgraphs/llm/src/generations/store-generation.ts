import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { LlmDatabase } from '../context.js';
import { generationImages, generations, type GenerationRow, type NewGenerationRow } from '../db/schema.js';
import type { GeneratedImage } from '../providers/provider.js';

export async function insertGeneration(db: LlmDatabase, values: NewGenerationRow): Promise<GenerationRow> {
  const [row] = await db.insert(generations).values(values).returning();
  if (!row) throw new Error('insert into generations returned no row');
  return row;
}

/**
 * A RUNNING row as insertGeneration will store it, with its id and creation time chosen here: a stream announces
 * it before the insert completes. Every column the insert would default is set to that default.
 */
export function runningRow(values: NewGenerationRow): GenerationRow {
  return {
    id: randomUUID(),
    type: 'TEXT',
    prompt: null,
    characterId: null,
    campaignId: null,
    finishReason: null,
    errorCode: null,
    errorMessage: null,
    errorRetryAfter: null,
    fallbacks: [],
    costUsd: 0,
    firstTokenMs: null,
    cancelRequestedAt: null,
    instanceId: null,
    createdAt: new Date(),
    ...values,
  };
}

/** The end state of a row that was RUNNING; instance_id is cleared so the cancel poller no longer sees it. */
export async function finishGeneration(db: LlmDatabase, id: string, values: Partial<NewGenerationRow>): Promise<GenerationRow> {
  const [row] = await db
    .update(generations)
    .set({ ...values, instanceId: null })
    .where(eq(generations.id, id))
    .returning();
  if (!row) throw new Error(`generation ${id} vanished while running`);
  return row;
}

/** An IMAGE generation and its pictures, together or not at all. */
export async function insertImageGeneration(db: LlmDatabase, values: NewGenerationRow, images: GeneratedImage[]): Promise<GenerationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(generations).values(values).returning();
    if (!row) throw new Error('insert into generations returned no row');
    if (images.length > 0) {
      await tx.insert(generationImages).values(imageRows(row.id, images));
    }
    return row;
  });
}

/** The end state of an IMAGE generation that was RUNNING, with its pictures, together or not at all. */
export async function finishImageGeneration(db: LlmDatabase, id: string, values: Partial<NewGenerationRow>, images: GeneratedImage[]): Promise<GenerationRow> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(generations)
      .set({ ...values, instanceId: null })
      .where(eq(generations.id, id))
      .returning();
    if (!row) throw new Error(`generation ${id} vanished while running`);
    if (images.length > 0) await tx.insert(generationImages).values(imageRows(row.id, images));
    return row;
  });
}

function imageRows(generationId: string, images: GeneratedImage[]) {
  return images.map((image, index) => ({
    generationId,
    index,
    png: image.png,
    width: image.width,
    height: image.height,
    revisedPrompt: image.revisedPrompt ?? null,
  }));
}
