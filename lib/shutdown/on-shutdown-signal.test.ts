import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { onShutdownSignal } from './on-shutdown-signal.js';

function fakeProcess(hardLimitMs = 1_000) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  return { hooks: { signals, exit: (code: number) => void exits.push(code), hardLimitMs }, signals, exits };
}

describe('onShutdownSignal', () => {
  it('drains once on SIGTERM, whatever signals follow, and exits 0 when it finished', async () => {
    const { hooks, signals, exits } = fakeProcess();
    let release = () => {};
    const stop = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    onShutdownSignal('character', stop, hooks);
    signals.emit('SIGTERM');
    signals.emit('SIGINT');
    signals.emit('SIGTERM');
    expect(stop).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledWith('SIGTERM');
    expect(exits).toEqual([]);
    release();
    await vi.waitFor(() => expect(exits).toEqual([0]));
  });

  it('exits 1 when closing fails or outlives the hard limit', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = fakeProcess();
    onShutdownSignal('llm', () => Promise.reject(new Error('pool would not close')), failing.hooks);
    failing.signals.emit('SIGINT');
    await vi.waitFor(() => expect(failing.exits).toEqual([1]));

    const stuck = fakeProcess(50);
    onShutdownSignal('gateway', () => new Promise<void>(() => undefined), stuck.hooks);
    stuck.signals.emit('SIGTERM');
    await vi.waitFor(() => expect(stuck.exits).toEqual([1]));
  });
});
