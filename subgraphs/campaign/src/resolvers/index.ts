import { DateTimeScalar, JSONScalar } from '#lib/graphql/index.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Campaign } from './Campaign.js';
import { CampaignEventRecord } from './CampaignEventRecord.js';
import { Character } from './Character.js';
import { GameSession } from './GameSession.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';
import { Subscription } from './Subscription.js';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Query,
  Mutation,
  Subscription,
  Campaign,
  CampaignEventRecord,
  Character,
  GameSession,
};
