import { z } from 'zod';
import { duration } from './resilience-config.js';

/**
 * hub.yaml's `llm_service`: the providers of every generation of the platform, in order of preference, and the
 * limits the llm service enforces on callers. Read by subgraphs/llm at start-up and again when hub.yaml changes
 * (keys and limits take effect without a restart).
 */
export const PROVIDER_TYPES = ['openai', 'stable_diffusion', 'local'] as const;
export type ProviderType = (typeof PROVIDER_TYPES)[number];

const perMinute = z
  .object({
    requests_per_minute: z.number().int().positive().optional(),
    tokens_per_minute: z.number().int().positive().optional(),
  })
  .strict();
export type PerMinuteLimits = z.infer<typeof perMinute>;

const perDay = z
  .object({
    tokens_per_day: z.number().int().positive().optional(),
    /** USD, estimated from each provider's pricing; a provider without pricing costs nothing against it. */
    cost_per_day: z.number().positive().optional(),
  })
  .strict();
export type PerDayBudget = z.infer<typeof perDay>;

// An unset `${SD_URL}` interpolates to "": the provider is then unavailable (its status says why), not a bad file,
// so a hub.yaml listing every provider still starts with no key and no network.
const optionalUrl = z.preprocess((value) => (value === '' ? undefined : value), z.url().optional());

export const providerConfig = z
  .object({
    /** Which implementation; defaults to the entry's name, so `openai: {...}` needs no type but `ollama:` does. */
    type: z.enum(PROVIDER_TYPES).optional(),
    /** Text model (openai), or the image model for image-only providers (stable_diffusion). */
    model: z.string().min(1).optional(),
    /** Image model of a provider that does both (openai). */
    image_model: z.string().min(1).optional(),
    /** Per call; for streams, also the longest wait for the next chunk. */
    timeout: duration.optional(),
    /** Used in rotation; empty strings (an unset ${VAR}) are dropped. */
    api_keys: z.array(z.string()).optional(),
    /** stable_diffusion: the Automatic1111 server. */
    url: optionalUrl,
    /** openai: any OpenAI-compatible endpoint (vLLM, Ollama, LM Studio); the SDK's default when absent. */
    base_url: optionalUrl,
    /** Providers tried in this order when this one fails or is rate limited; each must be configured. */
    fallback: z.array(z.string()).optional(),
    /** Our own budget towards the provider (its account's limits), shared by all callers. */
    limits: perMinute.optional(),
    /** USD, for the cost estimate of each generation; absent = no estimate (local is free). */
    pricing: z
      .object({
        input_per_million_tokens: z.number().min(0).optional(),
        output_per_million_tokens: z.number().min(0).optional(),
        per_image: z.number().min(0).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ProviderConfig = z.infer<typeof providerConfig>;

export const llmServiceConfig = z
  .object({
    // 4000 characters: about 1000 tokens, more than any prompt a player types, small next to any model's context.
    max_prompt_chars: z.number().int().positive().default(4000),
    // 2048 tokens: a long backstory is ~800; more is a novel nobody asked a D&D tool for, at a novel's price.
    max_tokens: z.number().int().positive().default(2048),
    // 120 s on SIGTERM for generations in flight to finish: a long answer streamed at a real provider's pace takes a
    // minute or more, and a stream cut mid-sentence is lost work the caller pays for; new ones are refused meanwhile.
    drain_seconds: z.number().int().positive().default(120),
    limits: z
      .object({
        // 60 requests and 100k tokens a minute per caller: one a second is far above a person at a keyboard, and it
        // keeps one script from spending everyone's provider budget.
        per_caller: perMinute.default({ requests_per_minute: 60, tokens_per_minute: 100_000 }),
      })
      .strict()
      .prefault({}),
    // Spend per UTC day, reserved before each call at its max_tokens' worth and reconciled with the real usage after.
    // None by default: the embedded local provider is free, and what a day may cost is the operator's decision.
    budgets: z
      .object({
        per_user: perDay.optional(),
        /** Generations that name a campaign (context.campaignId) also draw on that campaign's budget. */
        per_campaign: perDay.optional(),
      })
      .strict()
      .prefault({}),
    batch: z
      .object({
        // 200 items: a whole party's or campaign's worth of generations in one call, small enough to report at once.
        max_items: z.number().int().positive().default(200),
        // 4 at a time: keeps a batch from taking every slot of the provider from interactive callers.
        concurrency: z.number().int().positive().default(4),
        // 40 s: under the gateway's 45 s timeout for llm; items not started by then come back RATE_LIMITED with retryAfter.
        max_duration: duration.default(40),
      })
      .strict()
      .prefault({}),
    providers: z.record(z.string(), providerConfig).default({ local: {} }),
  })
  .strict()
  .superRefine((config, ctx) => {
    for (const [name, provider] of Object.entries(config.providers)) {
      const type = provider.type ?? name;
      if (!(PROVIDER_TYPES as readonly string[]).includes(type)) {
        ctx.addIssue({ code: 'custom', path: ['providers', name, 'type'], message: `unknown provider type "${type}" (one of ${PROVIDER_TYPES.join(', ')})` });
      }
      for (const next of provider.fallback ?? []) {
        if (!config.providers[next]) ctx.addIssue({ code: 'custom', path: ['providers', name, 'fallback'], message: `"${next}" is not a configured provider` });
        if (next === name) ctx.addIssue({ code: 'custom', path: ['providers', name, 'fallback'], message: 'a provider cannot fall back to itself' });
      }
    }
  });
export type LlmServiceConfig = z.infer<typeof llmServiceConfig>;
