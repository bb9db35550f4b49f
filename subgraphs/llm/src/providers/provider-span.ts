import { SpanKind, SpanStatusCode, trace, type Span } from '@opentelemetry/api';
import type { Provider, TokenUsage } from './provider.js';
import { tracerOf } from '#lib/telemetry/tracer-of.js';

const tracer = () => tracerOf('dnd-tools/llm');

/** How one provider attempt ended: `ok`, or the ProviderError kind (RATE_LIMITED, TIMEOUT, CANCELLED...). */
export interface AttemptOutcome {
  outcome: string;
  model?: string;
  usage?: TokenUsage;
  images?: number;
}

function finish(span: Span, { outcome, model, usage, images }: AttemptOutcome): void {
  span.setAttribute('llm.outcome', outcome);
  if (model) span.setAttribute('gen_ai.response.model', model);
  if (usage) {
    span.setAttribute('gen_ai.usage.input_tokens', usage.promptTokens);
    span.setAttribute('gen_ai.usage.output_tokens', usage.completionTokens);
  }
  if (images !== undefined) span.setAttribute('llm.images', images);
  // A cancel is the caller's choice, not the provider's failure.
  if (outcome !== 'ok' && outcome !== 'CANCELLED') span.setStatus({ code: SpanStatusCode.ERROR, message: outcome });
  span.end();
}

/**
 * One provider attempt of a generation as a CLIENT span: provider, type, model, the key it used (by id, set by
 * the provider through noteProviderKey), tokens and outcome. `run` runs inside the span, so the provider's own
 * work (an HTTP call to OpenAI) is its child. A thrown error ends the span with its kind and is thrown again.
 */
export async function inProviderSpan<T>(
  operation: 'text' | 'image',
  provider: Provider,
  model: string,
  run: () => Promise<T>,
  outcomeOf: (result: T) => AttemptOutcome,
): Promise<T> {
  const attributes = { 'gen_ai.operation.name': operation, 'gen_ai.system': provider.type, 'llm.provider': provider.name, 'gen_ai.request.model': model };
  return tracer().startActiveSpan(`llm ${operation} ${provider.name}`, { kind: SpanKind.CLIENT, attributes }, async (span) => {
    try {
      const result = await run();
      finish(span, outcomeOf(result));
      return result;
    } catch (err) {
      finish(span, { outcome: err instanceof Error && 'kind' in err && typeof err.kind === 'string' ? err.kind : 'BAD_RESPONSE' });
      throw err;
    }
  });
}

/** The key (its id, `key-<8 hex>`, never the key) the provider is calling with, on the attempt's span. */
export function noteProviderKey(keyId: string): void {
  trace.getActiveSpan()?.setAttribute('llm.key_id', keyId);
}
