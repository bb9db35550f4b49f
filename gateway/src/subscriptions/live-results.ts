import type { ExecutionResult } from 'graphql';

/**
 * The subscriptions the gateway is forwarding right now: `close()` ends them all on shutdown, so that their
 * client responses complete and the HTTP server can stop.
 */
export class LiveSubscriptions {
  private readonly live = new Set<AsyncIterator<ExecutionResult>>();

  get size(): number {
    return this.live.size;
  }

  /**
   * The results as graphql-js's subscribe returns them (an AsyncGenerator), with a `return()` that takes effect at
   * once: an async generator function would only see it after the next event, so a client that disconnected
   * would keep its upstream subscription until then. `map` turns each upstream result into the client's.
   */
  track(
    upstream: AsyncIterator<ExecutionResult>,
    map: (result: ExecutionResult) => Promise<ExecutionResult> | ExecutionResult = (result) => result,
  ): AsyncGenerator<ExecutionResult, void, void> {
    const live = this.live;
    live.add(upstream);
    const finish = async (): Promise<IteratorResult<ExecutionResult, void>> => {
      live.delete(upstream);
      await upstream.return?.();
      return { done: true, value: undefined };
    };
    const generator: AsyncGenerator<ExecutionResult, void, void> = {
      async next() {
        const result = await upstream.next();
        if (result.done) {
          live.delete(upstream);
          return { done: true, value: undefined };
        }
        try {
          return { done: false, value: await map(result.value) };
        } catch (error) {
          // A failure turning the event into the client's result ends the subscription, upstream included.
          await finish();
          throw error;
        }
      },
      return: finish,
      async throw(error: unknown) {
        await finish();
        throw error;
      },
      [Symbol.asyncIterator]() {
        return generator;
      },
    };
    return generator;
  }

  async close(): Promise<void> {
    await Promise.all([...this.live].map((upstream) => upstream.return?.()));
    this.live.clear();
  }
}
