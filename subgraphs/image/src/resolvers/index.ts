import { DateTimeScalar } from '../../../../lib/graphql/index.js';
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { Character } from './Character.js';
import { Image } from './Image.js';
import { Mutation } from './Mutation.js';
import { Query } from './Query.js';

export const resolvers: Resolvers = { DateTime: DateTimeScalar, Query, Mutation, Image, Character };
