import { gatewayRequest } from '#lib/gateway-client/index.js';
import { invalidInput } from '#lib/domain/index.js';
import { CharacterActiveCampaignDocument, CharacterCampaignDungeonMasterDocument, CharacterImageExistsDocument } from '../__generated__/hub/graphql.js';
import type { Context } from '../context.js';

/** Rejects a portrait id the image service does not know (asked through the hub, as the caller). */
export async function assertImageExists(ctx: Context, id: string): Promise<void> {
  const data = await gatewayRequest({ caller: ctx.hub }, CharacterImageExistsDocument, { id });
  if (!data.image) throw invalidInput(`no image with id ${id}`, { field: 'portraitImageId' });
}

/** The dungeon master of the character's active campaign (campaign service, through the hub), or null. */
export async function activeCampaignDungeonMaster(ctx: Context, characterId: string): Promise<string | null> {
  const data = await gatewayRequest({ caller: ctx.hub }, CharacterActiveCampaignDocument, { id: characterId });
  return data.character?.campaign?.dungeonMasterId ?? null;
}

/** The dungeon master of a campaign (campaign service, through the hub, as the caller), or null when there is none. */
export async function campaignDungeonMaster(ctx: Context, campaignId: string): Promise<string | null> {
  const data = await gatewayRequest({ caller: ctx.hub }, CharacterCampaignDungeonMasterDocument, { id: campaignId });
  return data.campaign?.dungeonMasterId ?? null;
}
