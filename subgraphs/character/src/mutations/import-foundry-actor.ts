import type { ImportFoundryActorInput } from '../__generated__/resolvers-types.js';
import { requireUser, type Context } from '../context.js';
import { importActor } from '../foundry/import-actor.js';
import { createFromState } from './create-character.js';

/** importFoundryActor: the actor read into a character state, then created by the one create path. */
export async function importFoundryActor(input: ImportFoundryActorInput, ctx: Context) {
  requireUser(ctx);
  const { state, notes } = importActor(input.actor);
  const { character } = await createFromState(state, ctx, { fullHealth: false });
  return { character, notImported: notes };
}
