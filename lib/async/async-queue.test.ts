import { describe, expect, it } from 'vitest';
import { AsyncQueue } from './async-queue.js';

describe('AsyncQueue', () => {
  it('hands values over in order, to a consumer that waits or one that comes later', async () => {
    const queue = new AsyncQueue<number>();
    const waiting = queue.take();
    queue.push(1);
    queue.push(2);
    expect(await waiting).toEqual({ done: false, value: 1 });
    expect(await queue.take()).toEqual({ done: false, value: 2 });
  });

  it('ends a waiting consumer at once, and delivers what was queued before an end without discard', async () => {
    const queue = new AsyncQueue<string>();
    const waiting = queue.take();
    queue.end({ discard: true });
    expect(await waiting).toEqual({ done: true, value: undefined });

    const draining = new AsyncQueue<string>();
    draining.push('last words');
    draining.end({ error: new Error('gone') });
    draining.push('ignored');
    expect(await draining.take()).toEqual({ done: false, value: 'last words' });
    await expect(draining.take()).rejects.toThrow('gone');
    expect(await draining.take()).toEqual({ done: true, value: undefined });
  });
});
