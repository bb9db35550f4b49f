export {
  events,
  eventStreams,
  eventConsumers,
  eventStoreTables,
  type EventMetadata,
  type EventRow,
  type EventStreamRow,
  type EventConsumerRow,
} from './schema.js';
export { lockStream } from './lock-stream.js';
export { appendEvents, type AppendEventsOptions, type AppendResult, type ExpectedVersion, type NewEvent } from './append-events.js';
export { readStream, readAll, streamExists, streamVersion, DEFAULT_READ_LIMIT, type StoredEvent } from './read-stream.js';
export { verifyStream, verifyAllStreams, type ChainBreak, type VerifyResult } from './verify-stream.js';
export { pollConsumer, readCheckpoint, DEFAULT_BATCH_SIZE, type Checkpoint, type ConsumerHandler, type PollResult } from './consumer.js';
export { runConsumer, type RunConsumerOptions, type RunningConsumer } from './run-consumer.js';
export { canonicalJson, toJsonValue, type JsonValue } from './canonical-json.js';
export { eventHash } from './event-hash.js';
export type { Executor, Transaction } from './executor.js';
export type { Projection } from './projection.js';
export { recordEvents } from './record-events.js';
export { replayProjection, type ReplayResult } from './replay.js';
export type { ReplayTarget } from './replay-target.js';
export { checkReadTables, type TableDifference } from './check-read-tables.js';
export { EventFeed, type EventFeedOptions, type FeedSubscribeOptions } from './event-feed.js';
export type { AcceptEvent } from './feed-subscription.js';
export { checkpointOf, compareCheckpoints, matchesFilter, type EventFilter } from './commit-order.js';
export {
  parseEventSubscriptionArgs,
  subscribeToEvents,
  entityIdOfStream,
  type EventSubscriptionArgs,
  type EventStreamRules,
  type ParsedEventSubscription,
} from './subscription-args.js';
export { eventRecordFields } from './event-record.js';
