import { z } from 'zod';
import { duration } from './resilience-config.js';

/**
 * hub.yaml `observability`: tracing, metrics, message tracking and logs, read by every process (each reads
 * hub.yaml at start-up). The switches exist so an operator can turn a cost off, and so bench/ can measure it.
 */
export const observabilityConfig = z
  .object({
    tracing: z
      .object({
        enabled: z.boolean().default(true),
        // 1.0: every request traced. A platform at this scale (tens of requests a second) can afford it, and a
        // sampled-out request is exactly the one a support ticket asks about.
        sample_ratio: z.number().min(0).max(1).default(1),
        // Traces each process keeps in memory for the hub's Query fields: 500 requests of history at a few KB
        // each is about a megabyte per process; OTLP (OTEL_EXPORTER_OTLP_ENDPOINT) keeps the rest.
        keep_traces: z.number().int().min(1).max(100_000).default(500),
        // false: @apollo/gateway's own spans (request, validate, plan, execute, fetch, postprocessing) are left out.
        // They nearly double the gateway's spans of a request (9 of 20 for a five-fetch query) for timings the
        // request span and the hub's fetch spans already bound; an operator chasing query planning turns them on.
        apollo_gateway_spans: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    metrics: z
      .object({
        enabled: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
    tracking: z
      .object({
        enabled: z.boolean().default(true),
        // 15 minutes: long enough to look up a request a user just reported, short enough to stay in memory.
        window: duration.default(900),
        // Upper bound whatever the window: 10 000 requests of a handful of fetches each is a few MB.
        max_requests: z.number().int().min(1).max(1_000_000).default(10_000),
      })
      .strict()
      .prefault({}),
    logs: z
      .object({
        // auto: one readable line per event on a terminal or in the embedded default, JSON lines when
        // NODE_ENV=production or DATABASE_URL is set (the production shape, read by a log collector).
        format: z.enum(['auto', 'json', 'text']).default('auto'),
        level: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ObservabilityConfig = z.infer<typeof observabilityConfig>;
