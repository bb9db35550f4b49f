import { randomUUID } from 'node:crypto';
import type { MutationResolvers } from '../__generated__/resolvers-types.js';
import type { HubServices } from '../context.js';
import { endSessionWorkflow } from '../workflows/end-session.js';
import { joinPartyWorkflow, leavePartyWorkflow } from '../workflows/join-party.js';
import { setCharacterPortraitWorkflow } from '../workflows/set-character-portrait.js';
import { requireUser, requireUuid } from './access.js';

/** The workflow mutations: each checks who is calling and the ids' shape, then runs its workflow as one transaction. */
export function mutationResolvers(hub: HubServices): MutationResolvers {
  const { coordinator } = hub;
  return {
    async endSession(_, { input }, ctx) {
      const userId = requireUser(ctx);
      const args = {
        sessionId: requireUuid('sessionId', input.sessionId),
        recap: input.recap ?? null,
        dmNotes: input.dmNotes ?? null,
        xpAwarded: input.xpAwarded,
      };
      return (await coordinator.execute(endSessionWorkflow, args, userId)).result;
    },
    async joinParty(_, { input }, ctx) {
      const userId = requireUser(ctx);
      const args = { campaignId: requireUuid('campaignId', input.campaignId), characterId: requireUuid('characterId', input.characterId) };
      return (await coordinator.execute(joinPartyWorkflow, args, userId)).result;
    },
    async leaveParty(_, { input }, ctx) {
      const userId = requireUser(ctx);
      const args = { campaignId: requireUuid('campaignId', input.campaignId), characterId: requireUuid('characterId', input.characterId) };
      return (await coordinator.execute(leavePartyWorkflow, args, userId)).result;
    },
    async setCharacterPortrait(_, { input }, ctx) {
      const userId = requireUser(ctx);
      const args = {
        characterId: requireUuid('characterId', input.characterId),
        imageId: randomUUID(),
        dataBase64: input.dataBase64,
        prompt: input.prompt ?? null,
      };
      return (await coordinator.execute(setCharacterPortraitWorkflow, args, userId)).result;
    },
  };
}
