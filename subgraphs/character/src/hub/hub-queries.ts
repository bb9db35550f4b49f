import { hubRequest } from '../../../../lib/hub-client/index.js';
import { badUserInput } from '../../../../lib/graphql/index.js';
import type { Context } from '../context.js';

/** Rejects a portrait id the image service does not know (asked through the hub, as the caller). */
export async function assertImageExists(ctx: Context, id: string): Promise<void> {
  const data = await hubRequest<{ image: { id: string } | null }>(
    { identityHeader: ctx.identityHeader },
    'query($id: ID!) { image(id: $id) { id } }',
    { id },
  );
  if (!data.image) throw badUserInput(`no image with id ${id}`, { field: 'portraitImageId' });
}

/** The dungeon master of the character's active campaign (campaign service, through the hub), or null. */
export async function activeCampaignDungeonMaster(ctx: Context, characterId: string): Promise<string | null> {
  const data = await hubRequest<{ character: { campaign: { id: string; dungeonMasterId: string } | null } | null }>(
    { identityHeader: ctx.identityHeader },
    'query($id: ID!) { character(id: $id) { campaign { id dungeonMasterId } } }',
    { id: characterId },
  );
  return data.character?.campaign?.dungeonMasterId ?? null;
}
