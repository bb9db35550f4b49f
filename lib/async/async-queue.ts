/**
 * A queue between one producer that pushes (a poller, a network stream) and one consumer that awaits
 * (`take`): what a subscription's async iterator is built on. Unlike an async generator, ending it resolves a
 * consumer that is already waiting, so an unsubscribe never hangs until the next value happens to arrive.
 */
export class AsyncQueue<T> {
  private items: T[] = [];
  private waiting: { resolve(result: IteratorResult<T, undefined>): void; reject(error: unknown): void } | undefined;
  private ended = false;
  private failure: { error: unknown } | undefined;

  /** How many values wait for the consumer. */
  get size(): number {
    return this.items.length;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Hands `item` to a waiting consumer, or queues it. Ignored once the queue has ended. */
  push(item: T): void {
    if (this.ended) return;
    const waiting = this.waiting;
    if (waiting) {
      this.waiting = undefined;
      waiting.resolve({ done: false, value: item });
      return;
    }
    this.items.push(item);
  }

  /** Drops every queued value (the producer will hand them over another way). */
  clear(): void {
    this.items = [];
  }

  /**
   * No more values: the consumer still takes what is queued, then gets `done` (or `error`, thrown once).
   * `discard` drops what is queued: the consumer has gone and nobody will read it.
   */
  end(options: { error?: unknown; discard?: boolean } = {}): void {
    if (this.ended) return;
    this.ended = true;
    if ('error' in options) this.failure = { error: options.error };
    if (options.discard) this.items = [];
    const waiting = this.waiting;
    this.waiting = undefined;
    if (!waiting) return;
    if (this.failure) {
      const { error } = this.failure;
      this.failure = undefined;
      waiting.reject(error);
    } else {
      waiting.resolve({ done: true, value: undefined });
    }
  }

  /** The next value, waiting for one if none is queued. One consumer: a second concurrent take is an error. */
  take(): Promise<IteratorResult<T, undefined>> {
    if (this.items.length > 0) return Promise.resolve({ done: false, value: this.items.shift() as T });
    if (this.ended) {
      if (!this.failure) return Promise.resolve({ done: true, value: undefined });
      const { error } = this.failure;
      this.failure = undefined;
      return Promise.reject(error);
    }
    if (this.waiting) return Promise.reject(new Error('AsyncQueue has one consumer: take() called while another take() waits'));
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }
}
