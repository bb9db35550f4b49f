import { DateTimeScalar } from '#lib/graphql/index.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { BatchItem } from './BatchItem.js';
import { Character } from './Character.js';
import { GeneratedImage } from './GeneratedImage.js';
import { Generation } from './Generation.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query,
  Mutation,
  Subscription,
  Generation,
  GeneratedImage,
  BatchItem,
  Character,
};
