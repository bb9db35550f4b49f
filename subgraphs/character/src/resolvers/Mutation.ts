import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { awardExperience } from '../mutations/award-experience.js';
import { createCharacter } from '../mutations/create-character.js';
import { deleteCharacter } from '../mutations/delete-character.js';
import { generateBackstory } from '../mutations/generate-backstory.js';
import { importFoundryActor } from '../mutations/import-foundry-actor.js';
import { prepareSpells } from '../mutations/prepare-spells.js';
import { updateCharacter } from '../mutations/update-character.js';
import { longRest } from '../mutations/long-rest.js';
import { setConditions } from '../mutations/set-conditions.js';
import { shortRest } from '../mutations/short-rest.js';
import { spendSpellSlot } from '../mutations/spend-spell-slot.js';
import { useFeature } from '../mutations/use-feature.js';
import { rollDice } from '../mutations/roll-dice.js';
import { rollHitPoints } from '../mutations/roll-hit-points.js';
import { protocolResolvers } from '#lib/transactions/index.js';
import { characterParticipant } from '../transactions/participant.js';

export const Mutation: MutationResolvers = {
  createCharacter: (_parent, { input }, ctx) => createCharacter(input, ctx),
  updateCharacter: (_parent, { input }, ctx) => updateCharacter(input, ctx),
  awardExperience: (_parent, { input }, ctx) => awardExperience(input, ctx),
  deleteCharacter: (_parent, { input }, ctx) => deleteCharacter(input, ctx),
  generateBackstory: (_parent, { input }, ctx) => generateBackstory(input, ctx),
  // Play state: conditions, slots, features, rests (owner only, expectedVersion like updateCharacter).
  setConditions: (_parent, { input }, ctx) => setConditions(input, ctx),
  spendSpellSlot: (_parent, { input }, ctx) => spendSpellSlot(input, ctx),
  useFeature: (_parent, { input }, ctx) => useFeature(input, ctx),
  shortRest: (_parent, { input }, ctx) => shortRest(input, ctx),
  longRest: (_parent, { input }, ctx) => longRest(input, ctx),
  prepareSpells: (_parent, { input }, ctx) => prepareSpells(input, ctx),
  importFoundryActor: (_parent, { input }, ctx) => importFoundryActor(input, ctx),
  // Fair dice (owner only): provable rolls, and hit point rolls at level-up.
  rollDice: (_parent, { input }, ctx) => rollDice(input, ctx),
  rollHitPoints: (_parent, { input }, ctx) => rollHitPoints(input, ctx),
  // The hub's two-phase commit protocol (@inaccessible: only the hub's coordinator calls it).
  ...protocolResolvers(characterParticipant),
};
