import type { RollProofResolvers } from '../__generated__/resolvers-types.js';

// Named so that a verifier knows which recipe to redo; a change of recipe gets a new name, old proofs keep theirs.
export const ROLL_ALGORITHM = 'HMAC-SHA256-REJECTION-V1';

export const RollProof: RollProofResolvers = {
  algorithm: () => ROLL_ALGORITHM,
};
