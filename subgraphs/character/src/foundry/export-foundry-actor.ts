import { forbidden, notFound } from '#lib/domain/index.js';
import { sheetOf, stateOf } from '../character-state.js';
import { requireUser, type Context } from '../context.js';
import { activeCampaignDungeonMaster } from '../hub/hub-queries.js';
import { resourcesOf } from '../mutations/play-command.js';
import { foundryActor } from './export-actor.js';

/**
 * exportFoundryActor: the owner's, and the dungeon master's of the character's active campaign. The DM is the one
 * who runs the Foundry world the party plays in, so importing the party's actors is theirs to do; the actor holds
 * the whole sheet and backstory, which the DM already reads through the campaign. Nobody else: an export is a copy
 * that leaves the platform, unlike a sheet read here.
 */
export async function exportFoundryActor(characterId: string, ctx: Context): Promise<Record<string, unknown>> {
  const userId = requireUser(ctx);
  const row = await ctx.loaders.character.load(characterId);
  if (!row) throw notFound(`no character with id ${characterId}`);
  if (row.owner !== userId && (await activeCampaignDungeonMaster(ctx, row.id)) !== userId) {
    throw forbidden("only the character's owner or the dungeon master of its active campaign can export it", { rule: 'FOUNDRY_EXPORT_OWNER_OR_DM' });
  }
  const state = stateOf(row);
  const sheet = sheetOf(row);
  return foundryActor({ id: row.id, state, sheet, resources: resourcesOf(state, sheet) });
}
