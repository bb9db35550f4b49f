import { z } from 'zod';
import { invalidInput } from '#lib/domain/index.js';
import type { BranchInfo } from '#lib/transactions/index.js';
import type { WriteMetadata } from '../events/write-campaign.js';

const id = z.uuid();

export const recordSessionPayload = z.object({
  sessionId: id,
  recap: z.string().nullable(),
  dmNotes: z.string().nullable(),
  xpAwarded: z.number(),
});
export const partyPayload = z.object({ campaignId: id, characterId: id });

/** Parses a payload from the hub; a mismatch is the hub's bug or a forged call, answered BAD_USER_INPUT. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const parsed = schema.safeParse(payload);
  if (!parsed.success)
    throw invalidInput(`invalid transaction payload: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** A committed branch's events: correlated by the global transaction, attributed to the user the hub acted for. */
export function branchMetadata(info: BranchInfo): WriteMetadata & { causationId: string } {
  return { correlationId: info.transactionId, causationId: info.transactionId, userId: info.actor };
}

/** Reservation names (lib/transactions): a session being recorded, a character's place in some party. */
export const sessionResource = (sessionId: string) => `session:${sessionId}`;
export const partySlotResource = (characterId: string) => `party-character:${characterId}`;
