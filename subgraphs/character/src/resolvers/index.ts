import { DateTimeScalar, JSONScalar } from '#lib/graphql/index.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Character } from './Character.js';
import { CharacterEventRecord } from './CharacterEventRecord.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';
import { Roll } from './Roll.js';
import { RollProof } from './RollProof.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  Subscription,
  Character,
  CharacterEventRecord,
  Roll,
  RollProof,
};
