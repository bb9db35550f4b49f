import { invalidInput } from '../domain/domain-error.js';
import { checkpointAtPosition, checkpointOf, committedPositionsAfter, latestFinalCheckpoint, readFinalAfter, START, type EventFilter } from './commit-order.js';
import type { Checkpoint } from './consumer.js';
import type { Executor } from './executor.js';
import { FeedSubscription, type AcceptEvent } from './feed-subscription.js';
import type { StoredEvent } from './read-stream.js';
import { processLogger } from '../telemetry/logger.js';

export interface EventFeedOptions {
  /**
   * Pause after a poll that found less than a full batch. 200 ms: a player sees a change on another screen
   * within a fifth of a second, and an idle feed costs five indexed queries a second per service, only while
   * someone subscribes.
   */
  intervalMs?: number;
  /** 500 events per poll: a burst (a campaign replay, a batch import) reaches subscribers in a few queries. */
  batchSize?: number;
  /**
   * 1,000 events queued per subscriber (about 1 MB): a subscriber further behind is stuck or on a slow link,
   * and reads the rest back from the database page by page instead of holding it in memory.
   */
  maxQueue?: number;
  /** 100 events per catch-up read: a resume far back is served in small, short queries. */
  catchUpPage?: number;
  /** Pause after a failed poll: 2 s keeps a database that is down from spinning the CPU. */
  errorBackoffMs?: number;
  /** Told about every failed poll; polling goes on. Default: the process logger. */
  onError?: (error: unknown) => void;
}

export interface FeedSubscribeOptions {
  filter?: EventFilter;
  /** Resume after this global position (0: from the first event); absent: only events committed from now on. */
  afterPosition?: number | undefined;
  accept?: AcceptEvent;
}

/**
 * Live events of one service's store for the subscribers of this process: ONE poller, started by the first
 * subscriber and stopped when the last one leaves, reads in commit order (commit-order.ts) with an in-memory
 * cursor (no checkpoint row: a subscription lives and dies with its connection) and hands each event to every
 * subscriber whose filter matches. Replicas each run their own feed over the same database, so no broker is
 * needed to reach the subscribers of another replica.
 */
export class EventFeed<TSchema extends Record<string, unknown>> {
  private readonly subscribers = new Set<FeedSubscription<TSchema>>();
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxQueue: number;
  private readonly catchUpPage: number;
  private readonly errorBackoffMs: number;
  private readonly onError: (error: unknown) => void;
  private cursor: Checkpoint = START;
  private cursorReady: Promise<void> | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private polls = 0;

  constructor(
    private readonly db: Executor<TSchema>,
    options: EventFeedOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 200;
    this.batchSize = options.batchSize ?? 500;
    this.maxQueue = options.maxQueue ?? 1_000;
    this.catchUpPage = options.catchUpPage ?? 100;
    this.errorBackoffMs = options.errorBackoffMs ?? 2_000;
    this.onError = options.onError ?? ((err) => processLogger().error({ err }, 'event feed: poll failed'));
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Polls made since the feed was created: one per interval whatever the number of subscribers. */
  get pollCount(): number {
    return this.polls;
  }

  /** True while the poller runs (from the first subscriber until shortly after the last one leaves). */
  get isPolling(): boolean {
    return this.loop !== undefined;
  }

  /**
   * A subscription, registered when this resolves: every event committed after that point is delivered. With
   * `afterPosition`, the events after that position are read first; an unknown position is BAD_USER_INPUT.
   */
  async subscribe(options: FeedSubscribeOptions = {}): Promise<AsyncIterableIterator<StoredEvent>> {
    if (this.closed) throw new Error('event feed is closed');
    let from: Checkpoint | undefined;
    if (options.afterPosition !== undefined) {
      from = await checkpointAtPosition(this.db, options.afterPosition);
      if (!from) throw invalidInput(`afterPosition ${options.afterPosition} is not the position of a stored event`, { field: 'afterPosition' });
    }
    await this.ensureCursor();
    // "Committed after subscribing" is what the subscriber gets: the events committed already but not yet final
    // (an older transaction is still open, on a busy server) are left out.
    const committedBefore = from ? undefined : await committedPositionsAfter(this.db, this.cursor);
    if (this.closed) throw new Error('event feed is closed');
    // Synchronous from here to the end: the cursor read below is exactly where this subscriber's live queue starts.
    const subscription: FeedSubscription<TSchema> = new FeedSubscription({
      db: this.db,
      filter: options.filter ?? {},
      accept: options.accept,
      readFrom: from ?? this.cursor,
      liveFrom: this.cursor,
      committedBefore,
      maxQueue: this.maxQueue,
      catchUpPage: this.catchUpPage,
      onClose: () => this.remove(subscription),
    });
    this.subscribers.add(subscription);
    this.loop ??= this.run();
    return subscription;
  }

  /** Ends every subscription and stops polling (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const subscription of [...this.subscribers]) subscription.close();
    this.wake?.();
    await this.loop;
  }

  private remove(subscription: FeedSubscription<TSchema>): void {
    this.subscribers.delete(subscription);
    if (this.subscribers.size === 0) this.wake?.();
  }

  /** The cursor starts at "now" whenever the feed goes from no subscriber to one: an idle feed keeps no backlog. */
  private async ensureCursor(): Promise<void> {
    for (;;) {
      const ready = (this.cursorReady ??= latestFinalCheckpoint(this.db).then((checkpoint) => {
        this.cursor = checkpoint;
      }));
      try {
        await ready;
      } catch (error) {
        if (this.cursorReady === ready) this.cursorReady = undefined;
        throw error;
      }
      // The poller stopped (last subscriber gone) while we waited: that cursor is stale, take a fresh one.
      if (this.cursorReady === ready) return;
    }
  }

  private async run(): Promise<void> {
    while (this.subscribers.size > 0 && !this.closed) {
      let pause = this.intervalMs;
      try {
        // A full batch means more is waiting: read on without pausing.
        if ((await this.poll()) === this.batchSize) pause = 0;
      } catch (error) {
        this.onError(error);
        pause = this.errorBackoffMs;
      }
      if (pause > 0 && this.subscribers.size > 0 && !this.closed) await this.sleep(pause);
    }
    // In the same tick as the last check: a subscriber arriving later starts a new poller with a fresh cursor.
    this.loop = undefined;
    this.cursorReady = undefined;
  }

  private async poll(): Promise<number> {
    this.polls += 1;
    const batch = await readFinalAfter(this.db, this.cursor, this.batchSize);
    const last = batch.at(-1);
    if (!last) return 0;
    this.cursor = checkpointOf(last);
    for (const event of batch) {
      for (const subscription of this.subscribers) subscription.offer(event);
    }
    return batch.length;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
