/**
 * The ways of reading one streamed generation that bench/llm compares: through the gateway's subscription over
 * SSE (graphql-sse's distinct-connections wire format, read with fetch as a browser would), the same straight to the
 * llm subgraph, and directly with the `openai` SDK against the provider server. Each reports the time to the first
 * text delta, the text and the number of events that carried it.
 */
import OpenAI from 'openai';
import { performance } from 'node:perf_hooks';

export interface StreamTiming {
  firstTokenMs: number;
  totalMs: number;
  /** Text events received (DELTA events, or SDK chunks with text). */
  deltas: number;
  text: string;
  /** SSE only: the response's headers (the subscription is registered upstream), and the STARTED event. */
  headersMs?: number;
  startedMs?: number;
}

const SUBSCRIPTION = 'subscription($input: GenerateTextInput!) { textGeneration(input: $input) { type delta } }';

/** textGeneration through the gateway; counts DELTA events up to the final one. */
export function gatewayStream(gatewayUrl: string, token: string, input: Record<string, unknown>): Promise<StreamTiming> {
  return sseStream(`${gatewayUrl}/graphql`, { authorization: `Bearer ${token}` }, input);
}

/**
 * The same subscription straight to the llm subgraph, signed as the gateway signs it: what the llm itself adds,
 * so that the gateway's share of the overhead is the difference to gatewayStream.
 */
export function subgraphStream(
  llmUrl: string,
  identityHeader: (body: string) => Record<string, string>,
  input: Record<string, unknown>,
): Promise<StreamTiming> {
  return sseStream(llmUrl, identityHeader, input);
}

async function sseStream(
  url: string,
  auth: Record<string, string> | ((body: string) => Record<string, string>),
  input: Record<string, unknown>,
): Promise<StreamTiming> {
  const start = performance.now();
  const body = JSON.stringify({ query: SUBSCRIPTION, variables: { input } });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...(typeof auth === 'function' ? auth(body) : auth) },
    body,
  });
  const headersMs = performance.now() - start;
  if (!response.body) throw new Error(`no stream: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let buffered = '';
  let startedMs = -1;
  let firstTokenMs = -1;
  let deltas = 0;
  let text = '';
  let done: StreamTiming | undefined;
  // Read to the body's end, past COMPLETED: leaving earlier would cancel the body and close the connection, and
  // every run would pay a new connection that the SDK's runs (read to their end) do not.
  for await (const bytes of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (done) continue;
    buffered += decoder.decode(bytes, { stream: true });
    let end: number;
    while (!done && (end = buffered.indexOf('\n\n')) >= 0) {
      const message = buffered.slice(0, end);
      buffered = buffered.slice(end + 2);
      const data = /^data: (.*)$/m.exec(message)?.[1];
      if (!data) continue;
      const event = JSON.parse(data) as { data?: { textGeneration?: { type: string; delta: string | null } }; errors?: unknown };
      if (event.errors) throw new Error(`stream failed: ${JSON.stringify(event.errors)}`);
      const type = event.data?.textGeneration?.type;
      if (type === 'DELTA') {
        if (deltas++ === 0) firstTokenMs = performance.now() - start;
        text += event.data?.textGeneration?.delta ?? '';
      } else if (type === 'STARTED') {
        startedMs = performance.now() - start;
      } else if (type === 'COMPLETED') {
        done = { firstTokenMs, totalMs: performance.now() - start, deltas, text, headersMs, startedMs };
      } else if (type === 'FAILED' || type === 'CANCELLED') {
        throw new Error(`stream ended ${type}`);
      }
    }
  }
  if (!done) throw new Error('the stream ended before COMPLETED');
  return done;
}

/** The same request with the SDK straight to the provider server, as the llm service's provider makes it. */
export async function directStream(client: OpenAI, model: string, prompt: string, maxTokens: number): Promise<StreamTiming> {
  const start = performance.now();
  const stream = await client.chat.completions.create({
    model,
    messages: [{ role: 'user', content: prompt }],
    stream: true,
    stream_options: { include_usage: true },
    max_tokens: maxTokens,
  });
  let firstTokenMs = -1;
  let deltas = 0;
  let text = '';
  for await (const chunk of stream) {
    const content = chunk.choices[0]?.delta?.content;
    if (!content) continue;
    if (deltas++ === 0) firstTokenMs = performance.now() - start;
    text += content;
  }
  return { firstTokenMs, totalMs: performance.now() - start, deltas, text };
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
