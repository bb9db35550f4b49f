import { z } from 'zod';
import { invalidInput } from '#lib/domain/index.js';

const id = z.uuid();

export const sessionAwardPayload = z.object({
  characterIds: z.array(id).min(1).max(100),
  amount: z.number().int().min(1),
  sessionId: id,
  reason: z.string().max(500),
});
export const campaignPayload = z.object({ characterId: id, campaignId: id });
export const portraitPayload = z.object({ characterId: id, imageId: id });

/** Parses a payload from the hub; a mismatch is the hub's bug or a forged call, answered BAD_USER_INPUT. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw invalidInput(`invalid transaction payload: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** The resource name of a character for reservations (lib/transactions): the same for every operation on it. */
export const characterResource = (characterId: string) => `character:${characterId}`;
