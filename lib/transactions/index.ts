export { txBranches, txReservations, transactionTables, type BranchState, type TxBranchRow } from './schema.js';
export { defineOperation, type BranchInfo, type BranchOperation, type Participant } from './participant.js';
export { prepareBranch, commitBranch, abortBranch, type BranchAck, type PrepareRequest } from './branch-protocol.js';
export { guardResources, reserveResources, releaseResources } from './reservations.js';
export { protocolResolvers, COORDINATOR, type BranchAckResult, type PrepareBranchInput, type ProtocolContext } from './protocol-resolvers.js';
export { resolveInDoubt, hubVerdict, startInDoubtResolver, type HubVerdict } from './resolve-in-doubt.js';
