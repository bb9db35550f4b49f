import { trace, type Tracer } from '@opentelemetry/api';

/**
 * The global provider's tracer for `name`, looked up at each use rather than kept in a module constant: the API's
 * proxy tracer binds to the first provider it finds, so a process that registers another one later (test files
 * sharing a module cache) would keep sending spans to the old provider. The lookup is a map read.
 */
export function tracerOf(name: string): Tracer {
  return trace.getTracer(name);
}
