import type { Workflow } from '../transactions/workflow.js';

export interface PartyChangeArgs {
  campaignId: string;
  characterId: string;
}

export interface PartyChangeResult extends PartyChangeArgs {
  transactionId: string;
}

const result = (input: PartyChangeArgs, _prepared: unknown, transactionId: string): PartyChangeResult => ({ ...input, transactionId });

/**
 * joinParty: the campaign's party and the character's active campaign change together.
 *
 * 1. campaign `joinParty`: the campaign is ACTIVE, the caller has joined it, the character is in no active party;
 *    reserves the character's party slot. Commit: CharacterJoinedParty.
 * 2. character `joinCampaign`: the caller owns the character and it has no active campaign; reserves it.
 *    Commit: ActiveCampaignSet.
 */
export const joinPartyWorkflow: Workflow<PartyChangeArgs, PartyChangeResult> = {
  name: 'joinParty',
  steps: [
    { service: 'campaign', operation: 'joinParty', payload: (input) => ({ campaignId: input.campaignId, characterId: input.characterId }) },
    { service: 'character', operation: 'joinCampaign', payload: (input) => ({ characterId: input.characterId, campaignId: input.campaignId }) },
  ],
  result,
};

/**
 * leaveParty: the reverse, with the same guarantee.
 *
 * 1. campaign `leaveParty`: the character is in this campaign's party and the caller is its DM or the character's
 *    owner; reserves the party slot. Commit: CharacterLeftParty.
 * 2. character `leaveCampaign`: the character's active campaign is this one; reserves it. Commit: ActiveCampaignCleared.
 */
export const leavePartyWorkflow: Workflow<PartyChangeArgs, PartyChangeResult> = {
  name: 'leaveParty',
  steps: [
    { service: 'campaign', operation: 'leaveParty', payload: (input) => ({ campaignId: input.campaignId, characterId: input.characterId }) },
    { service: 'character', operation: 'leaveCampaign', payload: (input) => ({ characterId: input.characterId, campaignId: input.campaignId }) },
  ],
  result,
};
