import { performance } from 'node:perf_hooks';
import { userError } from '../../../../lib/graphql/index.js';
import type { GenerateTextInput } from '../__generated__/resolvers-types.js';
import type { Context } from '../context.js';
import { generations, type GenerationRow, type NewGenerationRow } from '../db/schema.js';
import type { TextGenerationResult } from '../providers/text-provider.js';
import { deriveSeed } from './derive-seed.js';
import { validateGenerateTextInput } from './validate-input.js';

/**
 * generateText: validate (nothing is written for bad input), ask the registry's text provider, store the
 * generation. A provider failure is stored as a FAILED generation so usage accounting sees every attempt.
 */
export async function generateText(ctx: Context, userId: string, rawInput: GenerateTextInput): Promise<GenerationRow> {
  const input = validateGenerateTextInput(rawInput);
  const provider = ctx.providers.text;
  if (!provider) {
    throw userError('SERVICE_UNAVAILABLE', 'No text provider is available: add one (e.g. local: {}) under llm_service.providers in hub.yaml.');
  }
  const seed = input.seed ?? deriveSeed(input);

  const started = performance.now();
  let result: TextGenerationResult | null = null;
  try {
    result = await provider.generate({ ...input, seed, signal: ctx.signal });
  } catch (err) {
    // The caller went away: there is no one to answer and nothing worth recording.
    if (ctx.signal.aborted) throw err;
    console.error(`[llm] provider "${provider.name}" failed:`, err);
  }
  const durationMs = Math.round(performance.now() - started);

  const row: NewGenerationRow = {
    userId,
    kind: input.kind,
    status: result ? 'COMPLETED' : 'FAILED',
    prompt: input.prompt,
    context: input.context,
    characterId: input.context.characterId ?? null,
    campaignId: input.context.campaignId ?? null,
    text: result?.text ?? '',
    provider: provider.name,
    model: result?.model ?? 'unknown',
    seed,
    maxTokens: input.maxTokens,
    finishReason: result?.finishReason ?? null,
    promptTokens: result?.usage.promptTokens ?? 0,
    completionTokens: result?.usage.completionTokens ?? 0,
    durationMs,
    createdAt: new Date(),
  };
  const [stored] = await ctx.db.insert(generations).values(row).returning();
  if (!stored) throw new Error('insert into generations returned no row');
  return stored;
}
