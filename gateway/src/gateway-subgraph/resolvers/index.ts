import { DateTimeScalar } from '#lib/graphql/date-time.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import type { HubServices } from '../context.js';
import { hubResolvers as hubTypeResolvers, hubServiceResolvers, spanResolvers, trackedFetchResolvers } from './Hub.js';
import { mutationResolvers } from './Mutation.js';
import { payloadResolvers } from './payloads.js';
import { queryResolvers } from './Query.js';
import { transactionResolvers } from './Transaction.js';

export function hubResolvers(hub: HubServices): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: queryResolvers(hub),
    Mutation: mutationResolvers(hub),
    Transaction: transactionResolvers(hub),
    Hub: hubTypeResolvers,
    HubService: hubServiceResolvers,
    TrackedFetch: trackedFetchResolvers,
    Span: spanResolvers,
    ...payloadResolvers(hub),
  };
}
