import { describe, expect, it } from 'vitest';
import type { SubgraphFetchObserver } from '../observability/subgraph-fetch-observer.js';
import { AttemptTimeoutError, ServiceUnavailableError } from '../resilience/unavailable.js';
import { fakeFetch, scriptedFetcher, servicePipeline } from './testing.js';

const A = 'http://10.0.0.1/graphql';
const B = 'http://10.0.0.2/graphql';

const scripted = scriptedFetcher;
type Scripted = ReturnType<typeof scriptedFetcher>;

/** The service `yaml` configures, with a way to send one fetch down its whole pipeline over a scripted transport. */
function service(yaml: string, urls = [A]) {
  let current: Scripted = scripted(200);
  const { service: resilient, pipeline } = servicePipeline(yaml, urls, (url, init) => current(url, init));
  return {
    snapshot: () => resilient.snapshot(),
    execute(fetch: ReturnType<typeof fakeFetch>, transport: Scripted) {
      current = transport;
      return pipeline(fetch);
    },
  };
}

const query = (deadlineMs = 5000) => fakeFetch({ deadline: Date.now() + deadlineMs });
const mutation = () => fakeFetch({ mutation: true, retryable: false });

const FAST_RETRY = 'message_hub:\n  retry_policy: { max_attempts: 3, base_delay: 5ms, max_delay: 20ms }\n';

describe('the fetch pipeline of a service', () => {
  it('retries a query after a network error or HTTP 5xx, up to max_attempts', async () => {
    const transport = scripted('refused', 502, 200);
    const answer = await service(FAST_RETRY).execute(query(), transport);
    expect(answer.status).toBe(200);
    expect(transport.sent).toHaveLength(3);
  });

  it('returns the last 5xx answer, or throws the last error, once the attempts are spent', async () => {
    expect((await service(FAST_RETRY).execute(query(), scripted(503))).status).toBe(503);
    await expect(service(FAST_RETRY).execute(query(), scripted('refused'))).rejects.toThrow('ECONNREFUSED');
  });

  it('sends a mutation without idempotency once, whatever happens', async () => {
    const transport = scripted('refused', 200);
    await expect(service(FAST_RETRY).execute(mutation(), transport)).rejects.toThrow('ECONNREFUSED');
    expect(transport.sent).toHaveLength(1);
  });

  it('sends the retry to another instance', async () => {
    const transport = scripted('refused', 200);
    await service(FAST_RETRY, [A, B]).execute(query(), transport);
    expect(new Set(transport.sent)).toEqual(new Set([A, B]));
  });

  it('cuts an attempt at the service timeout and counts it as a breaker failure', async () => {
    const slow = service('message_hub:\n  timeout: 50ms\n  retry_policy: { max_attempts: 1 }\n  circuit_breaker: { failure_threshold: 1 }\n');
    const started = Date.now();
    const error = await slow.execute(query(), scripted('hang')).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AttemptTimeoutError);
    expect(error).toMatchObject({ byDeadline: false, message: 'timeout after 50 ms' });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(slow.snapshot().instances[0]).toMatchObject({ failures: 1, breaker: { state: 'OPEN' } });
  });

  it('never retries past the request deadline', async () => {
    const slow = service(
      'message_hub:\n  timeout: 80ms\n  retry_policy: { max_attempts: 10, base_delay: 10ms, max_delay: 10ms }\n  circuit_breaker: { failure_threshold: 100 }\n',
    );
    const transport = scripted('hang');
    const started = Date.now();
    const error = await slow.execute(query(200), transport).catch((err: unknown) => err);
    const took = Date.now() - started;
    // 80 ms attempts within 200 ms: two whole ones and a last one cut at the deadline.
    expect(transport.sent.length).toBeLessThanOrEqual(3);
    expect(took).toBeGreaterThanOrEqual(190);
    // Ten attempts would take over 800 ms; the bound leaves room for a busy machine's timer delays.
    expect(took).toBeLessThan(750);
    expect(error).toMatchObject({ byDeadline: true });
  });

  it('fails fast with CIRCUIT_OPEN, sending nothing, while every breaker is open', async () => {
    const fragile = service('message_hub:\n  retry_policy: { max_attempts: 1 }\n  circuit_breaker: { failure_threshold: 2, reset_timeout: 60 }\n');
    const transport = scripted('refused');
    for (let i = 0; i < 2; i++) await fragile.execute(query(), transport).catch(() => undefined);
    const started = performance.now();
    const error = await fragile.execute(query(), transport).catch((err: unknown) => err);
    // Nothing is sent (asserted below); the bound only rules out waiting on a timeout, with room for a busy machine.
    expect(performance.now() - started).toBeLessThan(50);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error).toMatchObject({ reason: 'CIRCUIT_OPEN' });
    expect(transport.sent).toHaveLength(2);
  });

  it('does not retry into an open breaker: the retry goes to another instance or stops', async () => {
    const pair = service('message_hub:\n  retry_policy: { max_attempts: 5, base_delay: 1ms, max_delay: 1ms }\n  circuit_breaker: { failure_threshold: 1 }\n', [
      A,
      B,
    ]);
    const transport = scripted('refused');
    await expect(pair.execute(query(), transport)).rejects.toThrow('ECONNREFUSED');
    // One attempt per instance: after that both breakers are open and the remaining attempts are not made.
    expect(transport.sent.sort()).toEqual([A, B]);
  });

  it('shows its observer every attempt sent, with the instance, number and outcome, and no breaker refusal', async () => {
    const PAIR = 'message_hub:\n  retry_policy: { max_attempts: 3, base_delay: 1ms, max_delay: 1ms }\n  circuit_breaker: { failure_threshold: 1 }\n';
    const seen: Array<{ instance: string; number: number; outcome: number | string }> = [];
    const observer: SubgraphFetchObserver = {
      start: () => ({
        run: (fetch) => fetch(),
        shared: () => undefined,
        end: () => undefined,
        async attempt(info, send) {
          try {
            const answer = await send();
            seen.push({ ...info, outcome: answer.status });
            return answer;
          } catch (err) {
            seen.push({ ...info, outcome: 'error' });
            throw err;
          }
        },
      }),
    };
    const observed = (yaml: string, urls: string[], transport: Scripted) => servicePipeline(yaml, urls, transport, observer).pipeline(query());
    await expect(observed(PAIR, [A, B], scripted('refused'))).rejects.toThrow('ECONNREFUSED');
    // Two attempts, one per instance; the third finds both breakers open and is not an attempt the observer sees.
    expect(seen.map((attempt) => attempt.number)).toEqual([1, 2]);
    expect(new Set(seen.map((attempt) => attempt.instance))).toEqual(new Set([A, B]));
    expect(seen.every((attempt) => attempt.outcome === 'error')).toBe(true);
    seen.length = 0;
    const answer = await observed(FAST_RETRY, [A], scripted(503, 200));
    expect(answer.status).toBe(200);
    expect(seen).toEqual([
      { instance: A, number: 1, outcome: 503 },
      { instance: A, number: 2, outcome: 200 },
    ]);
  });
});
