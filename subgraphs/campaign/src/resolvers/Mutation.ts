import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import { createCampaign, updateCampaign } from '../mutations/campaigns.js';
import { createLocation, createNpc, createQuest, updateQuest } from '../mutations/content.js';
import { generatePlotHooks } from '../mutations/generate-plot-hooks.js';
import { invitePlayer, joinCampaign, leaveCampaign, removePlayer } from '../mutations/members.js';
import { scheduleSession } from '../mutations/sessions.js';
import { protocolResolvers } from '#lib/transactions/index.js';
import { campaignParticipant } from '../transactions/participant.js';

export const Mutation: MutationResolvers = {
  createCampaign: async (_parent, { input }, ctx) => ({ campaign: await createCampaign(ctx, input) }),
  updateCampaign: async (_parent, { input }, ctx) => ({ campaign: await updateCampaign(ctx, input) }),
  invitePlayer: (_parent, { input }, ctx) => invitePlayer(ctx, input),
  joinCampaign: (_parent, { input }, ctx) => joinCampaign(ctx, input),
  removePlayer: (_parent, { input }, ctx) => removePlayer(ctx, input),
  leaveCampaign: (_parent, { input }, ctx) => leaveCampaign(ctx, input),
  scheduleSession: (_parent, { input }, ctx) => scheduleSession(ctx, input),
  createNpc: (_parent, { input }, ctx) => createNpc(ctx, input),
  createLocation: (_parent, { input }, ctx) => createLocation(ctx, input),
  createQuest: (_parent, { input }, ctx) => createQuest(ctx, input),
  updateQuest: (_parent, { input }, ctx) => updateQuest(ctx, input),
  generatePlotHooks: (_parent, { input }, ctx) => generatePlotHooks(ctx, input),
  // The hub's two-phase commit protocol (@inaccessible: only the hub's coordinator calls it). Party changes and
  // session records go through it: the hub's joinParty, leaveParty and endSession.
  ...protocolResolvers(campaignParticipant),
};
