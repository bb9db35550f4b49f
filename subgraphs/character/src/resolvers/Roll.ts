import type { RollResolvers } from '../__generated__/resolvers-types.js';

export const Roll: RollResolvers = {
  id: (roll) => roll.data.rollId,
  characterId: (roll) => roll.data.characterId,
  character: (roll, _args, ctx) => ctx.loaders.character.load(roll.data.characterId),
  purpose: (roll) => roll.data.purpose,
  expression: (roll) => roll.data.expression,
  dice: (roll) => roll.data.dice,
  total: (roll) => roll.data.total,
  hitPointLevel: (roll) => roll.data.hitPoints?.level ?? null,
  rolledAt: (roll) => roll.recordedAt,
  proof: (roll) => roll.data,
};
