/**
 * The two ways of reading one streamed generation that bench/llm compares: through the gateway's subscription over
 * SSE (graphql-sse's distinct-connections wire format, read with fetch as a browser would), and directly with the
 * `openai` SDK against the provider server. Each reports the time to the first text delta and the delta count.
 */
import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';

export interface StreamTiming {
  firstTokenMs: number;
  totalMs: number;
  deltas: number;
}

const SUBSCRIPTION = 'subscription($input: GenerateTextInput!) { textGeneration(input: $input) { type delta } }';

/** textGeneration through the gateway; counts DELTA events up to the final one. */
export async function gatewayStream(gatewayUrl: string, token: string, input: Record<string, unknown>): Promise<StreamTiming> {
  const start = performance.now();
  const response = await fetch(`${gatewayUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: SUBSCRIPTION, variables: { input } }),
  });
  if (!response.body) throw new Error(`no stream: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let firstTokenMs = -1;
  let deltas = 0;
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(bytes, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (!data) continue;
      const event = JSON.parse(data) as { data?: { textGeneration?: { type: string } }; errors?: unknown };
      if (event.errors) throw new Error(`stream failed: ${JSON.stringify(event.errors)}`);
      const type = event.data?.textGeneration?.type;
      if (type === 'DELTA') {
        if (deltas++ === 0) firstTokenMs = performance.now() - start;
      } else if (type === 'COMPLETED') {
        return { firstTokenMs, totalMs: performance.now() - start, deltas };
      } else if (type === 'FAILED' || type === 'CANCELLED') {
        throw new Error(`stream ended ${type}`);
      }
    }
  }
  throw new Error('the stream ended before COMPLETED');
}

/** The same request with the SDK straight to the provider server, as the llm service's provider makes it. */
export async function directStream(client: OpenAI, model: string, prompt: string, maxTokens: number): Promise<StreamTiming> {
  const start = performance.now();
  const stream = await client.chat.completions.create({ model, messages: [{ role: 'user', content: prompt }], stream: true, stream_options: { include_usage: true }, max_tokens: maxTokens });
  let firstTokenMs = -1;
  let deltas = 0;
  for await (const chunk of stream) {
    if (!chunk.choices[0]?.delta?.content) continue;
    if (deltas++ === 0) firstTokenMs = performance.now() - start;
  }
  return { firstTokenMs, totalMs: performance.now() - start, deltas };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
