import { forbidden, invalidInput, notFound } from '#lib/domain/index.js';
import type { AwardExperienceInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { findCharacter } from '../db/character-store.js';
import type { CharacterRow } from '../db/schema.js';
import { runCharacterCommand } from '../events/run-character-command.js';
import { activeCampaignDungeonMaster } from '../hub/hub-queries.js';
import { levelFromExperience } from '../rules/index.js';
import { optionalText } from '../validation/character-input.js';
import { MAX_EXPERIENCE, MAX_EXPERIENCE_AWARD, MAX_REASON_LENGTH } from '../validation/limits.js';

export interface AwardExperienceResult {
  character: CharacterRow;
  previousLevel: number;
  leveledUp: boolean;
}

export async function awardExperience(input: AwardExperienceInput, ctx: Context): Promise<AwardExperienceResult> {
  const userId = requireUser(ctx);
  const { amount } = input;
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_EXPERIENCE_AWARD) {
    throw invalidInput(`amount must be between 1 and ${MAX_EXPERIENCE_AWARD}, got ${amount}`, { field: 'amount' });
  }
  const reason = optionalText(input.reason, 'reason', MAX_REASON_LENGTH);
  const row = await findCharacter(ctx.db, input.characterId);
  if (!row) throw notFound(`no character with id ${input.characterId}`);
  // In a campaign, experience is its dungeon master's to give and never the player's: the owner of a character in
  // a campaign cannot award it any (issue 14: self-levelled to 18). A solo character (in no active campaign) has no
  // dungeon master: its sheet is its owner's, as its starting experience was, so the owner awards it; the DM of a
  // campaign it joins later sees its level in the party.
  const dungeonMaster = await activeCampaignDungeonMaster(ctx, row.id);
  const allowed = dungeonMaster === null ? row.owner === userId : dungeonMaster === userId;
  if (!allowed) {
    throw forbidden(
      dungeonMaster === null
        ? 'only the owner awards experience to a character in no campaign'
        : "only the dungeon master of the character's active campaign can award it experience",
      { rule: 'DM_AWARDS_EXPERIENCE' },
    );
  }
  // Expected version 'any': awards commute, and the stream lock serializes them; decide sees every earlier award.
  const { character: updated } = await runCharacterCommand(ctx, {
    characterId: row.id,
    expectedVersion: 'any',
    decide: (current) => {
      if (current.experience + amount > MAX_EXPERIENCE) throw invalidInput(`experience cannot exceed ${MAX_EXPERIENCE}`, { field: 'amount' });
      return { events: [{ type: 'ExperienceAwarded', data: { characterId: row.id, amount, reason } }], outcome: undefined };
    },
  });
  // From the stored result, not the earlier read: a concurrent award may have landed in between.
  const previousLevel = levelFromExperience(updated.experience - amount);
  return { character: updated, previousLevel, leveledUp: levelFromExperience(updated.experience) > previousLevel };
}
