import { describe, expect, it } from 'vitest';
import { MIN_PACING_MARGIN_MS, pacingMargin, requestWindow, slotTime } from './window-shape.js';

describe('window shape', () => {
  it('quantises the minute into the shortest whole-second window holding the exact rate', () => {
    expect(requestWindow(600, 10)).toEqual({ points: 100, seconds: 10 });
    expect(requestWindow(60, 10)).toEqual({ points: 10, seconds: 10 });
    expect(requestWindow(100, 10)).toEqual({ points: 20, seconds: 12 });
    expect(requestWindow(7, 10)).toEqual({ points: 7, seconds: 60 });
    expect(requestWindow(1200, 1)).toEqual({ points: 20, seconds: 1 });
    expect(requestWindow(90, 0.5)).toEqual({ points: 3, seconds: 2 });
  });

  it('starts the opener at once and spaces the others one interval apart from the opening', () => {
    const shape = { points: 10, seconds: 1 }; // 100 ms apart
    expect(slotTime(shape, 5000, 1)).toBe(4000);
    expect(slotTime(shape, 5000, 2)).toBe(4100 + MIN_PACING_MARGIN_MS);
    expect(slotTime(shape, 5000, 10)).toBe(4900 + MIN_PACING_MARGIN_MS);
    // The last slot leaves a full interval before the next window's opener (which waits the margin too).
    expect(5000 + MIN_PACING_MARGIN_MS - slotTime(shape, 5000, 10)).toBe(100);
  });

  it('holds slots back by 0.5% of a long window: 101 starts at 600/min span more than 10 s', () => {
    const shape = requestWindow(600, 10);
    expect(pacingMargin(shape)).toBe(50);
    expect(slotTime(shape, 20_000, 2)).toBe(10_150);
    // The 100th slot of one window and the opener of the next (waking the margin after it ends): one interval.
    expect(20_000 + pacingMargin(shape) - slotTime(shape, 20_000, 100)).toBe(100);
  });
});
