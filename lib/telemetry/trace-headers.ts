import { context, propagation, ROOT_CONTEXT, type Context, type TextMapGetter } from '@opentelemetry/api';

/** Adds traceparent (and tracestate, baggage) of the active span to outgoing request headers; nothing when tracing is off. */
export function injectTraceHeaders(headers: Record<string, string>): void {
  propagation.inject(context.active(), headers);
}

type HeaderLookup = (name: string) => string | undefined;

const getter: TextMapGetter<HeaderLookup> = {
  get: (lookup, key) => lookup(key) ?? undefined,
  // The W3C propagators ask for their headers by name; keys() is only for propagators that scan every header.
  keys: () => [],
};

/**
 * The context a caller's traceparent names, to parent a SERVER span on: `get` reads one request header by its
 * lower-case name (a Fetch Headers' get, or a lookup in node's IncomingHttpHeaders).
 */
export function contextFromHeaders(get: HeaderLookup): Context {
  return propagation.extract(ROOT_CONTEXT, get, getter);
}
