import type { EndSessionPayloadResolvers, JoinPartyPayloadResolvers, SetCharacterPortraitPayloadResolvers } from '../__generated__/resolvers-types.js';
import type { HubServices } from '../context.js';
import type { TransactionRow } from '../db/schema.js';

/** The workflow payloads: entity references for the owning subgraphs to resolve, and the transaction itself. */
export function payloadResolvers(hub: HubServices) {
  async function transaction(parent: { transactionId: string }, _: unknown, ctx: Parameters<HubServices['loaders']>[0]): Promise<TransactionRow> {
    const row = await hub.loaders(ctx).transaction.load(parent.transactionId);
    if (!row) throw new Error(`transaction ${parent.transactionId} is missing from the hub's own log`);
    return row;
  }
  const partyChange: JoinPartyPayloadResolvers = {
    campaign: (parent) => ({ id: parent.campaignId }),
    character: (parent) => ({ id: parent.characterId }),
    transaction,
  };
  const endSession: EndSessionPayloadResolvers = {
    campaign: (parent) => ({ id: parent.campaignId }),
    awardedTo: (parent) => parent.awardedTo.map((id) => ({ id })),
    transaction,
  };
  const setPortrait: SetCharacterPortraitPayloadResolvers = {
    character: (parent) => ({ id: parent.characterId }),
    image: (parent) => ({ id: parent.imageId }),
    transaction,
  };
  return { EndSessionPayload: endSession, JoinPartyPayload: partyChange, LeavePartyPayload: partyChange, SetCharacterPortraitPayload: setPortrait };
}
