import { and, eq, isNull } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../../../lib/graphql/index.js';
import { hubRequest } from '../../../../lib/hub-client/index.js';
import type { AddPartyCharacterInput, RemovePartyCharacterInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaign, requireUser, viewerOf } from '../access.js';
import type { Context } from '../context.js';
import { campaigns, partyCharacters, type CampaignRow, type CharacterReference } from '../db/schema.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { isUuid } from '../validation.js';

export interface PartyResult {
  campaign: CampaignRow;
  character: CharacterReference;
}

const ACTIVE_PARTY_INDEX = 'party_characters_active_character_uq';

const CHARACTER_OWNER_QUERY = 'query($id: ID!) { character(id: $id) { id owner } }';
interface CharacterOwnerData {
  character: { id: string; owner: string } | null;
}

/** Adds one of the caller's characters to a campaign the caller has joined. */
export async function addPartyCharacter(ctx: Context, input: AddPartyCharacterInput): Promise<PartyResult> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  const viewer = await viewerOf(ctx, campaign);
  if (viewer !== 'DM' && viewer !== 'PARTY') {
    throw forbidden('Only members who have joined this campaign may bring characters into its party', {
      campaignId: campaign.id,
    });
  }
  assertActive(campaign);
  // The character service owns characters: ask it through the hub, never its database.
  const { character } = isUuid(input.characterId)
    ? await hubRequest<CharacterOwnerData>({ identityHeader: ctx.identityHeader }, CHARACTER_OWNER_QUERY, { id: input.characterId })
    : { character: null };
  if (!character) throw notFound(`No character with id ${input.characterId}`, { characterId: input.characterId });
  if (character.owner !== userId) {
    throw forbidden('Only the owner of a character may bring it into a party', { characterId: character.id });
  }
  try {
    await ctx.db.transaction(async (tx) => {
      // FOR SHARE: an archive running now (which takes the row's update lock) either finishes first, and we see
      // ARCHIVED, or waits for this insert and then releases the character with the rest of the party.
      const [locked] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.id, campaign.id)).for('share');
      assertActive({ id: campaign.id, status: locked?.status ?? 'ARCHIVED' });
      await tx.insert(partyCharacters).values({ campaignId: campaign.id, characterId: character.id, ownerId: userId });
    });
  } catch (error) {
    if (!isUniqueViolation(error, ACTIVE_PARTY_INDEX)) throw error;
    throw await alreadyInParty(ctx, character.id);
  }
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, character: { id: character.id } };
}

/** The CONFLICT for a character already in an active party, naming that campaign. */
async function alreadyInParty(ctx: Context, characterId: string) {
  const [holder] = await ctx.db
    .select({ id: campaigns.id, name: campaigns.name })
    .from(partyCharacters)
    .innerJoin(campaigns, eq(campaigns.id, partyCharacters.campaignId))
    .where(and(eq(partyCharacters.characterId, characterId), isNull(partyCharacters.leftAt)));
  const where = holder ? `the party of campaign "${holder.name}" (${holder.id})` : 'another party';
  return conflict(`Character ${characterId} is already in ${where}; remove it there first`, {
    characterId,
    campaignId: holder?.id ?? null,
  });
}

/** Takes a character out of the party: its campaign's DM, or the player who brought it. */
export async function removePartyCharacter(ctx: Context, input: RemovePartyCharacterInput): Promise<PartyResult> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  const [row] = isUuid(input.characterId)
    ? await ctx.db
        .select()
        .from(partyCharacters)
        .where(
          and(
            eq(partyCharacters.campaignId, campaign.id),
            eq(partyCharacters.characterId, input.characterId),
            isNull(partyCharacters.leftAt),
          ),
        )
    : [];
  if (!row) {
    throw notFound(`Character ${input.characterId} is not in this campaign's party`, { characterId: input.characterId });
  }
  if (campaign.dungeonMasterId !== userId && row.ownerId !== userId) {
    throw forbidden("Only the dungeon master or the character's owner may remove it from the party", {
      characterId: row.characterId,
    });
  }
  await ctx.db
    .update(partyCharacters)
    .set({ leftAt: new Date() })
    .where(and(eq(partyCharacters.id, row.id), isNull(partyCharacters.leftAt)));
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, character: { id: row.characterId } };
}
