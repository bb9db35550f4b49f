import type { Participant } from '#lib/transactions/index.js';
import type { CampaignSchema } from '../db/schema.js';
import { joinPartyOperation, leavePartyOperation } from './party-branch.js';
import { recordSessionOperation } from './session-branch.js';

/** The campaign service's operations in the hub's transactions (gateway/src/gateway-subgraph/workflows). */
export const campaignParticipant: Participant<CampaignSchema> = {
  recordSession: recordSessionOperation,
  joinParty: joinPartyOperation,
  leaveParty: leavePartyOperation,
};
