import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { createCampaign, updateCampaign } from '../mutations/campaigns.js';
import { createLocation, createNpc, createQuest, updateQuest } from '../mutations/content.js';
import { invitePlayer, joinCampaign } from '../mutations/members.js';
import { addPartyCharacter, removePartyCharacter } from '../mutations/party.js';
import { recordSession, scheduleSession } from '../mutations/sessions.js';

export const Mutation: MutationResolvers = {
  createCampaign: async (_parent, { input }, ctx) => ({ campaign: await createCampaign(ctx, input) }),
  updateCampaign: async (_parent, { input }, ctx) => ({ campaign: await updateCampaign(ctx, input) }),
  invitePlayer: (_parent, { input }, ctx) => invitePlayer(ctx, input),
  joinCampaign: (_parent, { input }, ctx) => joinCampaign(ctx, input),
  addPartyCharacter: (_parent, { input }, ctx) => addPartyCharacter(ctx, input),
  removePartyCharacter: (_parent, { input }, ctx) => removePartyCharacter(ctx, input),
  scheduleSession: (_parent, { input }, ctx) => scheduleSession(ctx, input),
  recordSession: (_parent, { input }, ctx) => recordSession(ctx, input),
  createNpc: (_parent, { input }, ctx) => createNpc(ctx, input),
  createLocation: (_parent, { input }, ctx) => createLocation(ctx, input),
  createQuest: (_parent, { input }, ctx) => createQuest(ctx, input),
  updateQuest: (_parent, { input }, ctx) => updateQuest(ctx, input),
};
