/** Reading Subscription.textGeneration as a client does: every event up to the final one. */
import type { TestSubscription } from './subscriptions.js';

export const FINAL_EVENTS = ['COMPLETED', 'FAILED', 'CANCELLED'];

/** The event fields every llm e2e reads; the generation's character comes from the character service. */
export const STREAM = `subscription Stream($input: GenerateTextInput!) {
  textGeneration(input: $input) {
    type generationId delta sequence
    generation {
      id status provider model text
      usage { promptTokens completionTokens totalTokens }
      fallbacks { provider reason }
      error { code message }
      character { name }
    }
  }
}`;

export interface StreamEvent {
  type: string;
  generationId: string;
  delta: string | null;
  sequence: number;
  generation: Record<string, any> | null;
}

export interface ReadStream {
  events: StreamEvent[];
  deltas: string[];
  final: StreamEvent;
  /** Every result as received, for checks over the whole exchange (no key anywhere). */
  raw: unknown[];
}

/** Reads events until the final one; fails on an error result or a stream that ends before it. */
export async function readStream(sub: TestSubscription, timeoutMs = 15_000): Promise<ReadStream> {
  const events: StreamEvent[] = [];
  const raw: unknown[] = [];
  for (;;) {
    const result = await sub.next(timeoutMs);
    raw.push(result);
    if (result.errors?.length) throw new Error(`stream failed: ${JSON.stringify(result.errors)}`);
    const event = result.data?.textGeneration as StreamEvent;
    events.push(event);
    if (FINAL_EVENTS.includes(event.type)) {
      return { events, deltas: events.filter((e) => e.type === 'DELTA').map((e) => e.delta ?? ''), final: event, raw };
    }
  }
}
