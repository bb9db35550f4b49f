import { z } from 'zod';

/**
 * The resilience part of hub.yaml: `message_hub` holds the defaults of every policy, `services.<name>` overrides
 * any of them for one service. Durations are seconds, as a number (`0.25`) or with a unit (`250ms`, `2s`, `1m`).
 * gateway/src/resilience/service-policy.ts merges the two levels into one policy per service.
 */
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m)$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60 };

export const duration = z
  .union([z.number().positive(), z.string().regex(DURATION, 'a duration: seconds as a number, or a number with ms, s or m')])
  .transform((value) => {
    if (typeof value === 'number') return value;
    const [, amount, unit] = DURATION.exec(value) ?? [];
    return Number(amount) * (UNIT_SECONDS[unit ?? 's'] ?? 1);
  })
  .refine((seconds) => seconds > 0, 'must be more than zero');

export const BACKOFFS = ['exponential', 'linear', 'constant'] as const;
export const LOAD_BALANCING = ['least_outstanding', 'round_robin'] as const;
export const PRIORITIES = ['interactive', 'batch'] as const;
export const DISCOVERY_MODES = ['static', 'dns'] as const;
export type Priority = (typeof PRIORITIES)[number];

// The fields of each policy, without defaults: the service-level overrides must stay undefined when left out.
const breakerFields = {
  failure_threshold: z.number().int().positive(),
  reset_timeout: duration,
  half_open_probes: z.number().int().positive().max(100),
};
const retryFields = {
  max_attempts: z.number().int().min(1).max(10),
  backoff: z.enum(BACKOFFS),
  base_delay: duration,
  max_delay: duration,
  jitter: z.boolean(),
};
const healthFields = { interval: duration, timeout: duration };
const bulkheadFields = { max_concurrent: z.number().int().positive(), max_queue: z.number().int().min(0) };
const discoveryFields = { mode: z.enum(DISCOVERY_MODES), interval: duration };

export const breakerDefaults = z
  .object({
    // 5 consecutive failures: enough to ignore one flaky request, few enough to stop hammering a dead service.
    failure_threshold: breakerFields.failure_threshold.default(5),
    // 60 s: long enough for a crashed process to be restarted by its supervisor.
    reset_timeout: breakerFields.reset_timeout.default(60),
    // 1 probe at a time: one request is enough to learn whether the instance is back, and a still-dead instance
    // then costs one client request per reset_timeout, not a burst.
    half_open_probes: breakerFields.half_open_probes.default(1),
  })
  .strict();

export const retryDefaults = z
  .object({
    // 3 attempts: rides over one lost connection or one instance dying, without tripling load on a sick service.
    max_attempts: retryFields.max_attempts.default(3),
    // exponential: a struggling service gets more room between attempts, the first retry stays quick.
    backoff: retryFields.backoff.default('exponential'),
    // 50 ms: long enough for a restarted connection or the next instance, short next to an interactive request.
    base_delay: retryFields.base_delay.default(0.05),
    // 1 s: beyond that the request deadline, not the backoff, should decide whether to go on.
    max_delay: retryFields.max_delay.default(1),
    // true: without jitter, clients that failed together retry together and hit the service in waves.
    jitter: retryFields.jitter.default(true),
  })
  .strict();

export const healthDefaults = z
  .object({
    // 5 s: a dead instance leaves the rotation within seconds, at one tiny GET per instance per interval.
    interval: healthFields.interval.default(5),
    // 2 s: an instance slower than that to answer a trivial /health is not one to route traffic to.
    timeout: healthFields.timeout.default(2),
  })
  .strict();

export const bulkheadDefaults = z
  .object({
    // 64 concurrent fetches: the gateway's connection pool per instance (data-source/subgraph-agent.ts); more in
    // flight would only wait inside the pool, where priorities cannot reorder them.
    max_concurrent: bulkheadFields.max_concurrent.default(64),
    // 256 waiting: at a subgraph's few thousand fetches a second that is under a few hundred milliseconds of
    // waiting; past it a client is better told to come back (retryAfter) than left hanging.
    max_queue: bulkheadFields.max_queue.default(256),
  })
  .strict();

export const discoveryDefaults = z
  .object({
    // static: the configured URLs are the instances. dns: each URL's host is resolved again and again, and every
    // address it resolves to is an instance (Docker's embedded DNS answers one A record per replica of a service).
    mode: discoveryFields.mode.default('static'),
    // 5 s, the health check's interval: a replica added by `docker compose up --scale` gets traffic within one
    // health round, and a removed one leaves the list as soon as its breaker or health poll would have dropped
    // it anyway; one DNS query per service per interval costs nothing.
    interval: discoveryFields.interval.default(5),
  })
  .strict();

const optional = <T extends Record<string, z.ZodType>>(fields: T) =>
  Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, schema.optional()])) as { [K in keyof T]: z.ZodOptional<T[K]> };

const rootField = z.string().regex(/^(Query|Mutation)\.[_A-Za-z][_0-9A-Za-z]*$/, 'a root field such as Mutation.generateText');

export const priorityConfig = z
  .object({
    // interactive: a request nobody marked is a person waiting for an answer.
    default: z.enum(PRIORITIES).default('interactive'),
    // Root fields whose operations wait behind interactive ones (e.g. Mutation.generateText: batch).
    root_fields: z.record(rootField, z.enum(PRIORITIES)).default({}),
  })
  .strict();

/**
 * The policies of a subgraph fetch that hub.yaml `policies` can switch off (gateway/src/fetch-pipeline/pipeline.ts
 * runs them in order); `sign` is not among them: a fetch without the gateway's identity is refused by every subgraph.
 */
export const PIPELINE_POLICIES = [
  'track',
  'deadline',
  'priority',
  'dedup',
  'bulkhead',
  'retry',
  'load_balance',
  'breaker',
  'timeout',
  'sign',
  'trace',
] as const;
export type PipelinePolicy = (typeof PIPELINE_POLICIES)[number];
export type SwitchablePolicy = Exclude<PipelinePolicy, 'sign'>;
export const SWITCHABLE_POLICIES = PIPELINE_POLICIES.filter((name): name is SwitchablePolicy => name !== 'sign');

const policySwitchFields = Object.fromEntries(SWITCHABLE_POLICIES.map((name) => [name, z.boolean().optional()])) as Record<
  SwitchablePolicy,
  z.ZodOptional<z.ZodBoolean>
>;
// `sign: false` gets its own message rather than "unrecognized key": it is known, and refused on purpose.
const policySwitches = z
  .object({ ...policySwitchFields, sign: z.literal(true, { message: 'sign cannot be switched off: subgraphs refuse every unsigned fetch' }).optional() })
  .strict();

/** The policies of `message_hub`, each filled with its defaults. */
export const resilienceDefaults = {
  // 10 s per attempt: a subgraph fetch takes milliseconds; one taking 10 s is stuck, not slow (llm overrides it).
  timeout: duration.default(10),
  // 30 s for a whole client request, retries and queueing included: past that a person has given up waiting.
  request_timeout: duration.default(30),
  circuit_breaker: breakerDefaults.prefault({}),
  retry_policy: retryDefaults.prefault({}),
  // least_outstanding: sends each fetch to the instance with the fewest in flight, so a slow instance gets less.
  load_balancing: z.enum(LOAD_BALANCING).default('least_outstanding'),
  health_check: healthDefaults.prefault({}),
  bulkhead: bulkheadDefaults.prefault({}),
  discovery: discoveryDefaults.prefault({}),
  priority: priorityConfig.prefault({}),
  // Per-attempt timeouts of fetches that select these root fields (`Mutation.generateBackstory: 50`), instead of
  // their service's: none by default, every field gets its service's timeout.
  root_field_timeouts: z.record(rootField, duration).default({}),
  // true: a newly composed supergraph file is served without a restart (a bad one is logged and ignored).
  watch_supergraph: z.boolean().default(true),
  // Every policy on by default: each is there for a failure users would otherwise see. Switch one off per service
  // (services.<name>.policies) when it does not fit, e.g. dedup for a subgraph whose queries have side effects.
  policies: policySwitches.default({}),
  // Policies of your own, by module (gateway/src/fetch-pipeline/custom-policies.ts): none by default.
  custom_policies: z
    .array(
      z.object({ module: z.string().min(1), before: z.enum(PIPELINE_POLICIES).optional(), options: z.record(z.string(), z.unknown()).optional() }).strict(),
    )
    .default([]),
};

/** `services.<name>`: instances and overrides; anything left out comes from message_hub. */
export const serviceConfig = z
  .object({
    urls: z.array(z.string().url()).min(1).optional(),
    timeout: duration.optional(),
    retry_policy: z.object(optional(retryFields)).strict().optional(),
    circuit_breaker: z
      // `threshold`: the older spelling of failure_threshold, still read.
      .object({ ...optional(breakerFields), threshold: z.number().int().positive().optional() })
      .strict()
      .refine((value) => value.threshold === undefined || value.failure_threshold === undefined, {
        message: 'give failure_threshold or its older spelling threshold, not both',
        path: ['threshold'],
      })
      .optional(),
    load_balancing: z.enum(LOAD_BALANCING).optional(),
    health_check: z.object(optional(healthFields)).strict().optional(),
    bulkhead: z.object(optional(bulkheadFields)).strict().optional(),
    discovery: z.object(optional(discoveryFields)).strict().optional(),
    policies: policySwitches.optional(),
  })
  .strict();

export type ServiceConfig = z.infer<typeof serviceConfig>;
