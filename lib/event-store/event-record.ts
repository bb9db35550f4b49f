import type { StoredEvent } from './read-stream.js';

/**
 * Resolvers of the fields every `<Entity>EventRecord` type shares, over a stored event row (its codegen mapper):
 * each subgraph spreads them into its own record type's resolvers.
 */
export const eventRecordFields = {
  version: (event: StoredEvent) => event.streamVersion,
  correlationId: (event: StoredEvent) => stringOrNull(event.metadata.correlationId),
  causationId: (event: StoredEvent) => stringOrNull(event.metadata.causationId),
};

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
