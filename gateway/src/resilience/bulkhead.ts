import type { Priority } from '#lib/config/resilience-config.js';
import { ServiceUnavailableError } from './unavailable.js';

interface Waiter {
  priority: Priority;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout | undefined;
}

export interface QueueSnapshot {
  /** Fetches waiting for a slot. */
  depth: number;
  /** The queue's bound (max_queue). */
  max: number;
  /** Fetches holding a slot (in flight, retries included). */
  active: number;
  /** The concurrency limit (max_concurrent). */
  maxConcurrent: number;
  /** Fetches turned away because the queue was full, since the gateway started. */
  rejected: number;
}

// Interactive first: a person is waiting on it; batch work (generation) can take the next free slot.
const ORDER: readonly Priority[] = ['interactive', 'batch'];

/**
 * A service's bulkhead: at most `maxConcurrent` fetches at once, then a queue of at most `maxQueue` served by
 * priority (interactive before batch, first come first served within one). Written here rather than taken from
 * cockatiel, whose BulkheadPolicy queue is strictly FIFO: a burst of batch generation would make interactive
 * queries wait behind it, the very thing priorities are for.
 *
 * A full queue turns a newcomer away with QUEUE_FULL and retryAfter; an interactive newcomer instead displaces
 * the most recent batch waiter, which gets that answer. A waiter whose request deadline passes leaves with
 * DEADLINE_EXCEEDED.
 */
export class PriorityBulkhead {
  private active = 0;
  private rejected = 0;
  private readonly queues: Record<Priority, Waiter[]> = { interactive: [], batch: [] };

  constructor(
    private readonly maxConcurrent: number,
    private readonly maxQueue: number,
    /** Recent latency of one fetch in ms: how fast the queue drains, for retryAfter. */
    private readonly latencyMs: () => number,
  ) {}

  get depth(): number {
    return this.queues.interactive.length + this.queues.batch.length;
  }

  /** Takes a slot now if one is free (no promise on the hot path); otherwise false. */
  tryAcquire(): boolean {
    if (this.active < this.maxConcurrent && this.depth === 0) {
      this.active += 1;
      return true;
    }
    return false;
  }

  /** Waits for a slot, in priority order; the caller must `release()` once done. */
  acquire(priority: Priority, deadline: number): Promise<void> {
    if (this.tryAcquire()) return Promise.resolve();
    if (this.depth >= this.maxQueue && !this.displaceFor(priority)) {
      this.rejected += 1;
      return Promise.reject(this.queueFull());
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { priority, resolve, reject, timer: undefined };
      const wait = deadline - Date.now();
      waiter.timer = setTimeout(
        () => {
          if (this.remove(waiter)) reject(new ServiceUnavailableError('DEADLINE_EXCEEDED', 'request deadline reached while queued'));
        },
        Math.max(0, wait),
      );
      this.queues[priority].push(waiter);
    });
  }

  release(): void {
    for (const priority of ORDER) {
      const next = this.queues[priority].shift();
      if (next) {
        // The slot passes straight to the waiter: `active` stays as it is.
        clearTimeout(next.timer);
        next.resolve();
        return;
      }
    }
    this.active -= 1;
  }

  snapshot(): QueueSnapshot {
    return { depth: this.depth, max: this.maxQueue, active: this.active, maxConcurrent: this.maxConcurrent, rejected: this.rejected };
  }

  /** Makes room for an interactive newcomer by turning away the latest batch waiter. */
  private displaceFor(priority: Priority): boolean {
    if (priority !== 'interactive') return false;
    const victim = this.queues.batch.pop();
    if (!victim) return false;
    clearTimeout(victim.timer);
    this.rejected += 1;
    victim.reject(this.queueFull());
    return true;
  }

  private remove(waiter: Waiter): boolean {
    const queue = this.queues[waiter.priority];
    const index = queue.indexOf(waiter);
    if (index < 0) return false;
    queue.splice(index, 1);
    return true;
  }

  /**
   * retryAfter: the time for the queue ahead to drain at the current latency, in whole seconds, at least 1
   * (HTTP's Retry-After has no finer unit, and sooner would only meet the same full queue).
   */
  private queueFull(): ServiceUnavailableError {
    const drainMs = ((this.depth + this.active) / this.maxConcurrent) * this.latencyMs();
    return new ServiceUnavailableError('QUEUE_FULL', `too many requests queued (${this.maxQueue})`, Math.max(1, Math.ceil(drainMs / 1000)));
  }
}
