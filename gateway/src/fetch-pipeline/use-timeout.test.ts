import { describe, expect, it } from 'vitest';
import { RootFieldTimeouts } from '../resilience/root-field-timeouts.js';
import { AttemptTimeoutError } from '../resilience/unavailable.js';
import { fakeFetch, scriptedNext } from './testing.js';
import { useTimeout } from './use-timeout.js';

describe('useTimeout', () => {
  it("cuts an attempt at the service's timeout and aborts its signal", async () => {
    const next = scriptedNext('hang');
    const error = await useTimeout({ timeoutMs: 30 })(next)(fakeFetch()).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(AttemptTimeoutError);
    expect(error).toMatchObject({ byDeadline: false });
    expect(next.seen[0]?.signal?.aborted).toBe(true);
  });

  it('cuts it sooner at the deadline, and uses a root field timeout for the fields it names', async () => {
    await expect(useTimeout({ timeoutMs: 10_000 })(scriptedNext('hang'))(fakeFetch({ deadline: Date.now() + 30 }))).rejects.toMatchObject({ byDeadline: true });
    const timeouts = new RootFieldTimeouts({ 'Query.spells': 0.03 });
    await expect(useTimeout({ timeoutMs: 10_000, rootFieldTimeouts: timeouts })(scriptedNext('hang'))(fakeFetch())).rejects.toMatchObject({
      message: 'timeout after 30 ms',
    });
  });
});
