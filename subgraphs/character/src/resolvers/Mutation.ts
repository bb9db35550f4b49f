import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { awardExperience } from '../mutations/award-experience.js';
import { createCharacter } from '../mutations/create-character.js';
import { deleteCharacter } from '../mutations/delete-character.js';
import { generateBackstory } from '../mutations/generate-backstory.js';
import { prepareSpells } from '../mutations/prepare-spells.js';
import { updateCharacter } from '../mutations/update-character.js';
import { protocolResolvers } from '#lib/transactions/index.js';
import { characterParticipant } from '../transactions/participant.js';

export const Mutation: MutationResolvers = {
  createCharacter: (_parent, { input }, ctx) => createCharacter(input, ctx),
  updateCharacter: (_parent, { input }, ctx) => updateCharacter(input, ctx),
  awardExperience: (_parent, { input }, ctx) => awardExperience(input, ctx),
  deleteCharacter: (_parent, { input }, ctx) => deleteCharacter(input, ctx),
  generateBackstory: (_parent, { input }, ctx) => generateBackstory(input, ctx),
  prepareSpells: (_parent, { input }, ctx) => prepareSpells(input, ctx),
  // The hub's two-phase commit protocol (@inaccessible: only the hub's coordinator calls it).
  ...protocolResolvers(characterParticipant),
};
