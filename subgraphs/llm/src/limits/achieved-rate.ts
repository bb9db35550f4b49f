/**
 * How a paced batch's rate is measured (tests and bench/llm): from the times (ms) at which its requests started.
 */

/**
 * Requests started per minute over the batch: N starts bound N-1 intervals, so the rate is (N-1) over the time from
 * the first start to the last. Counting N over that span would overstate it by one interval, and a batch that
 * bursts (many starts at once, then a wait) shows here as a rate above its limit.
 */
export function achievedRatePerMinute(starts: readonly number[]): number {
  if (starts.length < 2) return 0;
  const first = Math.min(...starts);
  const last = Math.max(...starts);
  if (last === first) return Number.POSITIVE_INFINITY;
  return ((starts.length - 1) * 60_000) / (last - first);
}

/** The most starts in any half-open interval [t, t + lengthMs): the burst a limit of that interval's share allows. */
export function mostStartsWithin(starts: readonly number[], lengthMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b);
  let most = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while ((sorted[to] as number) - (sorted[from] as number) >= lengthMs) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}
