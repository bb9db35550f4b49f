/**
 * Part (c) of bench/llm: one batchGenerate of `items` requests through the gateway against a provider limited to
 * `rpm` requests a minute, and the rate the batch achieved, from the moments its requests reached the provider
 * (`arrivals`, recorded by a pass-through proxy in front of it): what the provider's own limit counts.
 */
import { achievedRatePerMinute, mostStartsWithin } from '../../subgraphs/llm/src/limits/achieved-rate.js';
import { requestWindow } from '../../subgraphs/llm/src/limits/window-shape.js';

const BATCH = `mutation($input: BatchGenerateInput!) {
  batchGenerate(input: $input) { completed failed durationMs items { index error { code message } generation { provider } } }
}`;

export interface BatchRate {
  completed: number;
  failed: number;
  durationMs: number;
  achievedRpm: number;
  /** The most starts in any window of the limit's own length, against the points that window holds. */
  mostInWindow: number;
  windowPoints: number;
  windowSeconds: number;
  firstError: string | null;
}

/** The fields of batchGenerate the bench reads. */
interface BatchAnswer {
  completed: number;
  failed: number;
  durationMs: number;
  items: Array<{ error: { message: string } | null }>;
}

export async function measureBatchRate(
  gatewayUrl: string,
  token: string,
  items: number,
  rpm: number,
  provider: string,
  arrivals: () => number[],
): Promise<BatchRate> {
  const before = arrivals().length;
  // One item first, as a running platform would have sent before: the first call to a provider pays connection
  // set-up and cold code paths, which delay its arrival by up to ~100 ms and bunch the next ones behind it. It counts
  // against the same limit, so the window check below includes it.
  await batchGenerate(gatewayUrl, token, 1, provider);
  const warmed = arrivals().length;
  const batch = await batchGenerate(gatewayUrl, token, items, provider);
  const starts = arrivals().slice(warmed);
  // The limits count 600/min as a number of points per window of a few seconds (limits/window-shape.ts; 10 s minimum).
  const window = requestWindow(rpm, 10);
  return {
    completed: batch.completed,
    failed: batch.failed,
    durationMs: batch.durationMs,
    achievedRpm: achievedRatePerMinute(starts),
    mostInWindow: mostStartsWithin(arrivals().slice(before), window.seconds * 1000),
    windowPoints: window.points,
    windowSeconds: window.seconds,
    firstError: batch.items.find((item) => item.error)?.error?.message ?? null,
  };
}

async function batchGenerate(gatewayUrl: string, token: string, items: number, provider: string): Promise<BatchAnswer> {
  const input = { items: Array.from({ length: items }, (_, i) => ({ prompt: `Batch item ${i}`, provider, maxTokens: 20 })) };
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: BATCH, variables: { input } }),
  });
  const body = (await response.json()) as { data?: { batchGenerate: BatchAnswer }; errors?: unknown };
  if (!body.data) throw new Error(`batchGenerate failed: ${JSON.stringify(body.errors)}`);
  return body.data.batchGenerate;
}
