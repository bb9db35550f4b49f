export { events, eventStreams, eventConsumers, eventStoreTables, type EventMetadata, type EventRow, type EventStreamRow, type EventConsumerRow } from './schema.js';
export { appendEvents, type AppendEventsOptions, type AppendResult, type ExpectedVersion, type NewEvent } from './append-events.js';
export { readStream, readAll, streamExists, streamVersion, DEFAULT_READ_LIMIT, type StoredEvent } from './read-stream.js';
export { verifyStream, verifyAllStreams, type ChainBreak, type VerifyResult } from './verify-stream.js';
export { pollConsumer, readCheckpoint, DEFAULT_BATCH_SIZE, type Checkpoint, type ConsumerHandler, type PollResult } from './consumer.js';
export { runConsumer, type RunConsumerOptions, type RunningConsumer } from './run-consumer.js';
export { canonicalJson, toJsonValue, type JsonValue } from './canonical-json.js';
export { eventHash } from './event-hash.js';
export type { Executor, Transaction } from './executor.js';
