import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { conflict, forbidden, notFound } from '../../../../lib/graphql/index.js';
import { hubRequest } from '../../../../lib/hub-client/index.js';
import type { AddPartyCharacterInput, RemovePartyCharacterInput } from '../__generated__/resolvers-types.js';
import { assertActive, loadCampaign, requireUser, viewerOf } from '../access.js';
import { writeMetadata, type Context } from '../context.js';
import type { CampaignDatabase } from '../db/database.js';
import { campaigns, partyCharacters, type CampaignRow, type CharacterReference } from '../db/schema.js';
import { isUniqueViolation } from '../../../../lib/db/unique-violation.js';
import { writeCampaign, type WriteMetadata } from '../events/write-campaign.js';
import { isUuid } from '../validation.js';
import { campaignIn } from './campaigns.js';

export interface PartyResult {
  campaign: CampaignRow;
  character: CharacterReference;
}

const ACTIVE_PARTY_INDEX = 'party_characters_active_character_uq';

const CHARACTER_OWNER_QUERY = 'query($id: ID!) { character(id: $id) { id owner } }';
interface CharacterOwnerData {
  character: { id: string; owner: string } | null;
}

/**
 * Records CharacterJoinedParty once the caller's right to bring the character is established. The campaign must
 * still be ACTIVE under its stream lock (an archive runs either wholly before, and we answer CONFLICT, or after,
 * and releases this character with the rest). The one-active-party unique index decides between concurrent
 * joins to DIFFERENT campaigns (other streams, other locks): its violation, raised by the projection, rolls back
 * the event with the row and answers CONFLICT naming the campaign that holds the character.
 */
export async function joinParty(
  db: CampaignDatabase,
  metadata: WriteMetadata,
  campaignId: string,
  characterId: string,
  ownerId: string,
): Promise<void> {
  try {
    await writeCampaign(
      db,
      campaignId,
      metadata,
      async (tx) => {
        assertActive(await campaignIn(tx, campaignId));
        return [{ type: 'CharacterJoinedParty', data: { campaignId, partyEntryId: randomUUID(), characterId, ownerId } }];
      },
      async () => undefined,
    );
  } catch (error) {
    if (!isUniqueViolation(error, ACTIVE_PARTY_INDEX)) throw error;
    throw await alreadyInParty(db, characterId);
  }
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
  await joinParty(ctx.db, writeMetadata(ctx), campaign.id, character.id, userId);
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, character: { id: character.id } };
}

/** The CONFLICT for a character already in an active party, naming that campaign. */
async function alreadyInParty(db: CampaignDatabase, characterId: string) {
  const [holder] = await db
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

/** Takes a character out of the party (CharacterLeftParty): its campaign's DM, or the player who brought it. */
export async function removePartyCharacter(ctx: Context, input: RemovePartyCharacterInput): Promise<PartyResult> {
  const userId = requireUser(ctx);
  const campaign = await loadCampaign(ctx, input.campaignId);
  const notInParty = () => notFound(`Character ${input.characterId} is not in this campaign's party`, { characterId: input.characterId });
  if (!isUuid(input.characterId)) throw notInParty();
  const characterId = input.characterId;
  await writeCampaign(
    ctx.db,
    campaign.id,
    writeMetadata(ctx),
    async (tx) => {
      // Under the stream lock: of two concurrent removals, the second finds the character gone (NOT_FOUND).
      const [row] = await tx
        .select()
        .from(partyCharacters)
        .where(and(eq(partyCharacters.campaignId, campaign.id), eq(partyCharacters.characterId, characterId), isNull(partyCharacters.leftAt)));
      if (!row) throw notInParty();
      if (campaign.dungeonMasterId !== userId && row.ownerId !== userId) {
        throw forbidden("Only the dungeon master or the character's owner may remove it from the party", {
          characterId: row.characterId,
        });
      }
      return [{ type: 'CharacterLeftParty', data: { campaignId: campaign.id, partyEntryId: row.id, characterId } }];
    },
    async () => undefined,
  );
  ctx.loaders.forgetCampaign(campaign.id);
  return { campaign, character: { id: characterId } };
}
