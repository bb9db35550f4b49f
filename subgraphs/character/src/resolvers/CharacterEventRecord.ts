import { entityIdOfStream, eventRecordFields } from '#lib/event-store/index.js';
import type { CharacterEventRecordResolvers } from '../__generated__/resolvers-types.js';

export const CharacterEventRecord: CharacterEventRecordResolvers = {
  ...eventRecordFields,
  character: (event, _args, ctx) => ctx.loaders.character.load(entityIdOfStream(event.streamId, 'character')),
};
