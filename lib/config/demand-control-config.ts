import { z } from 'zod';
import { duration } from './resilience-config.js';

/**
 * hub.yaml `message_hub.limits`, `.introspection`, `.trusted_documents` and `.rate_limits`: what the gateway refuses
 * before any subgraph is called (gateway/src/plugins/use-max-*.ts, use-cost-limit.ts, use-introspection.ts,
 * use-trusted-documents.ts, use-generation-rate-limit.ts). Every default lets the SDK's operations, GraphiQL's
 * examples and introspection, the services' own calls through the hub and the test suite through, and refuses the
 * hostile shapes of tests/attacks/demand-control.e2e.ts (a 1,000-alias query, depth 50, nested `first: 10000`).
 */
export const operationLimits = z
  .object({
    // 20 levels (fragments flattened, introspection counted): the deepest operation the platform sends is GraphiQL's
    // introspection query at 15 (its TypeRef fragment nests ofType nine times); the SDK's, GraphiQL's examples and
    // the tests' go to 6. 20 leaves room for a client's own queries; a recursive bomb (depth 50) is refused, and the
    // cycles that stay under 20 (character, campaign, party, character ...) multiply lists, which max_cost catches.
    max_depth: z.number().int().min(1).max(1000).default(20),
    // 30 aliases: no operation of the SDK, GraphiQL, the services or the tests uses more than one or two. Aliases are
    // how one request repeats a field a thousand times (`a1: generateText ... a1000: generateText`), and graphql-js's
    // field-overlap check is quadratic in them, which is why this limit runs before validation.
    max_aliases: z.number().int().min(0).max(10_000).default(30),
    // 20 root fields: the platform's widest operation selects 4 (bench:startup's counts); each root field can be a
    // fetch of its own, so their number is one request's fan-out, aliased or not.
    max_root_fields: z.number().int().min(1).max(1000).default(20),
    // 2,000 tokens: twelve times the platform's largest operation (166, the backstory journey; GraphiQL's
    // introspection query 163). graphql-js stops lexing at the limit, so a token bomb costs no more than that.
    max_tokens: z.number().int().min(100).max(1_000_000).default(2000),
    // 10,000: a page of 100 characters with their campaign and party costs about 2,400 (bench:n-plus-one); the SDK's
    // and GraphiQL's operations at most 250, the tests' largest (Query.hub's tracked requests) about 1,050. A page
    // of 100 items each carrying a page of 100 (10,000 objects) costs 10,300 and is refused, a nested first: 10000
    // by orders of magnitude. Apollo's demand-control weights: object 1, scalar and enum 0, mutation root field 10,
    // a list its size times its items (gateway/src/demand-control/list-cost.ts).
    max_cost: z.number().int().min(1).default(10_000),
    // 20 items for a list or connection the operation does not size (no first/last): the subgraphs' default page
    // (lib/graphql/connection.ts); the unpaginated lists (a party, spell slots, services) are smaller, so this errs
    // on the safe side.
    default_list_size: z.number().int().min(1).max(10_000).default(20),
  })
  .strict();

export type OperationLimits = z.infer<typeof operationLimits>;

export const INTROSPECTION_MODES = ['auto', 'on', 'off'] as const;

export const trustedDocuments = z
  .object({
    // off: any document is accepted (persisted ids are resolved too, so clients may always send a hash). require:
    // only documents of the manifest (the SDK's operations, registered by `npm run codegen`), for production.
    mode: z.enum(['off', 'require']).default('off'),
    // The manifest codegen writes (hash -> document); relative to the repository root.
    manifest: z.string().min(1).default('frontend-sdk/src/__generated__/persisted-documents.json'),
    // true: an operator (role operator) may send any document, as GraphiQL and ad hoc Query.hub need; an operator
    // token is already the platform's highest privilege, so refusing it documents buys nothing.
    operators_bypass: z.boolean().default(true),
  })
  .strict();

export type TrustedDocumentsConfig = z.infer<typeof trustedDocuments>;

/** Root fields that start a generation: the llm's own and the three domain ones that call it. */
export const GENERATION_ROOT_FIELDS = [
  'Mutation.generateText',
  'Mutation.generateImage',
  'Mutation.batchGenerate',
  'Mutation.generateBackstory',
  'Mutation.generatePlotHooks',
  'Mutation.generatePortrait',
  'Subscription.textGeneration',
] as const;

export const generationRateLimit = z
  .object({
    // 120 a minute per user: twice the llm's own per-caller default (llm_service.limits.per_caller, 60), so that the
    // llm's limit, configured in one place with its token budget, stays what a user normally meets, while a flood
    // (a script firing thousands) is refused here before the owning service reads or writes anything. Above every
    // test's and bench's generations per user and minute (bench:llm's 80-odd streams, the suite's at most 21).
    requests: z.number().int().min(1).default(120),
    // 60 s: the llm's own window, and the unit operators think of limits in.
    // At least 1 s: Redis keeps windows in whole seconds.
    window: duration.refine((seconds) => seconds >= 1, 'at least 1 s').default(60),
    // Each occurrence of one of these in an operation takes one request from the caller's budget.
    root_fields: z
      .array(z.string().regex(/^(Query|Mutation|Subscription)\.[_A-Za-z][_0-9A-Za-z]*$/, 'Query.<field>, Mutation.<field> or Subscription.<field>'))
      .default([...GENERATION_ROOT_FIELDS]),
  })
  .strict();

export type GenerationRateLimitConfig = z.infer<typeof generationRateLimit>;

/** The keys spread into message_hub. */
export const demandControl = {
  limits: operationLimits.prefault({}),
  // auto: on outside production, off with NODE_ENV=production (operators keep it: GraphiQL's Docs pane).
  introspection: z.enum(INTROSPECTION_MODES).default('auto'),
  trusted_documents: trustedDocuments.prefault({}),
  rate_limits: z
    .object({ generation: generationRateLimit.prefault({}) })
    .strict()
    .prefault({}),
};

/** Whether introspection is open to every caller (operators always have it). */
export function introspectionOpen(mode: (typeof INTROSPECTION_MODES)[number], env: NodeJS.ProcessEnv = process.env): boolean {
  return mode === 'on' || (mode === 'auto' && env.NODE_ENV !== 'production');
}
