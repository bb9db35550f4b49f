import { AsyncQueue } from '../async/async-queue.js';
import { checkpointOf, compareCheckpoints, matchesFilter, readBetween, type EventFilter } from './commit-order.js';
import type { Checkpoint } from './consumer.js';
import type { Executor } from './executor.js';
import type { StoredEvent } from './read-stream.js';

/** Decides, per event, whether this subscriber may have it (access rules that need the database). */
export type AcceptEvent = (event: StoredEvent) => boolean | Promise<boolean>;

export interface FeedSubscriptionOptions<TSchema extends Record<string, unknown>> {
  db: Executor<TSchema>;
  filter: EventFilter;
  accept: AcceptEvent | undefined;
  /** Everything up to here has been seen (or was before the subscriber's start). */
  readFrom: Checkpoint;
  /** The feed's cursor when the subscriber joined: the live queue holds what the feed read after it. */
  liveFrom: Checkpoint;
  /** Positions after `readFrom` that were committed before the subscriber joined (event-feed.ts): never delivered. */
  committedBefore?: ReadonlySet<number> | undefined;
  maxQueue: number;
  catchUpPage: number;
  onClose(): void;
}

/**
 * One subscriber's events, exactly once and in commit order: first what lies between its start and the feed's
 * cursor (read from the database a page at a time, as the subscriber consumes), then what the feed hands it.
 * A subscriber that falls `maxQueue` events behind drops its queue and reads those events from the database
 * instead: its memory stays bounded and it still misses nothing.
 */
export class FeedSubscription<TSchema extends Record<string, unknown>> implements AsyncIterableIterator<StoredEvent> {
  private readonly queue = new AsyncQueue<StoredEvent>();
  private backlog: StoredEvent[] = [];
  private readThrough: Checkpoint;
  private liveFrom: Checkpoint;
  private closed = false;
  // graphql-js asks for one event at a time; chaining keeps a second caller from interleaving with the first.
  private serial: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: FeedSubscriptionOptions<TSchema>) {
    this.readThrough = options.readFrom;
    this.liveFrom = options.liveFrom;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Called by the feed for every event it reads, in commit order. */
  offer(event: StoredEvent): void {
    if (this.closed || !matchesFilter(event, this.options.filter)) return;
    if (this.queue.size >= this.options.maxQueue) {
      // Too far behind: forget the queue; everything up to this event will be read back from the database.
      this.queue.clear();
      this.liveFrom = checkpointOf(event);
      return;
    }
    this.queue.push(event);
  }

  next(): Promise<IteratorResult<StoredEvent, undefined>> {
    const result = this.serial.then(
      () => this.step(),
      () => this.step(),
    );
    this.serial = result;
    return result;
  }

  return(): Promise<IteratorResult<StoredEvent, undefined>> {
    this.close();
    return Promise.resolve({ done: true, value: undefined });
  }

  throw(error?: unknown): Promise<IteratorResult<StoredEvent, undefined>> {
    this.close();
    return Promise.reject(error);
  }

  /** Ends the subscription: a consumer waiting for an event gets `done` at once. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.backlog = [];
    this.queue.end({ discard: true });
    this.options.onClose();
  }

  private async step(): Promise<IteratorResult<StoredEvent, undefined>> {
    try {
      for (;;) {
        if (this.closed) return { done: true, value: undefined };
        const event = await this.nextCandidate();
        if (!event || this.options.committedBefore?.has(event.globalPosition)) continue;
        if (this.options.accept && !(await this.options.accept(event))) continue;
        if (this.closed) return { done: true, value: undefined };
        return { done: false, value: event };
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** The next event in order that matches the filter, or undefined when a catch-up page was read instead. */
  private async nextCandidate(): Promise<StoredEvent | undefined> {
    const fromBacklog = this.backlog.shift();
    if (fromBacklog) return fromBacklog;
    if (compareCheckpoints(this.readThrough, this.liveFrom) < 0) {
      const upTo = this.liveFrom;
      const page = await readBetween(this.options.db, this.readThrough, upTo, this.options.filter, this.options.catchUpPage);
      const last = page.at(-1);
      // A short page reached `upTo`; otherwise continue after its last event.
      this.readThrough = last && page.length === this.options.catchUpPage ? checkpointOf(last) : upTo;
      this.backlog = page;
      return undefined;
    }
    const taken = await this.queue.take();
    if (taken.done) return undefined;
    const event = taken.value;
    // Resuming (afterPosition) past this replica's cursor: the queue may repeat what the catch-up already gave.
    if (compareCheckpoints(checkpointOf(event), this.readThrough) <= 0) return undefined;
    this.readThrough = checkpointOf(event);
    return event;
  }
}
