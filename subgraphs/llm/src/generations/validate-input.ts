import type { LlmServiceConfig } from '#lib/config/llm-config.js';
import { isUuid } from '#lib/db/uuid.js';
import { badUserInput } from '#lib/graphql/index.js';
import type { GenerateTextInput, GenerationContextInput } from '../__generated__/resolvers-types.js';
import type { GenerationContext, GenerationKind } from '../providers/provider.js';

// 400 tokens: about a page, enough for a backstory (the longest local kind runs 300-450).
export const DEFAULT_MAX_TOKENS = 400;
// 100 characters: any real name, race or class fits; longer is pasted prose, which belongs in the prompt.
const NAME_MAX_CHARS = 100;
// 2000 characters: a few paragraphs of setting, as a campaign's summary would be.
const SETTING_MAX_CHARS = 2000;

export interface ValidGenerateTextInput {
  kind: GenerationKind;
  prompt: string | null;
  context: GenerationContext;
  seed: number | null;
  maxTokens: number;
  /** Null: the first text provider configured. Checked against the registry by resolveChain. */
  provider: string | null;
  model: string | null;
}

const NAME_FIELDS = ['characterName', 'race', 'characterClass', 'background', 'alignment', 'campaignName'] as const;
const ID_FIELDS = ['characterId', 'campaignId'] as const;

/** Blank strings count as absent: a form that sends "" for an untouched field means "not given". */
export function optionalText(value: string | null | undefined, field: string, maxChars: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > maxChars) {
    throw badUserInput(`${field} must be at most ${maxChars} characters, got ${trimmed.length}`, { field });
  }
  return trimmed;
}

/** Ids of other services' entities are UUIDs by the platform's convention; anything else cannot match one. */
export function optionalUuid(value: string | null | undefined, field: string): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (!isUuid(trimmed)) throw badUserInput(`${field} must be a UUID, got "${String(trimmed).slice(0, 40)}"`, { field });
  return trimmed.toLowerCase();
}

function readContext(input: GenerationContextInput | null | undefined, prefix: string): GenerationContext {
  const context: GenerationContext = {};
  if (!input) return context;
  for (const key of NAME_FIELDS) {
    const value = optionalText(input[key], `${prefix}.context.${key}`, NAME_MAX_CHARS);
    if (value !== undefined) context[key] = value;
  }
  const setting = optionalText(input.setting, `${prefix}.context.setting`, SETTING_MAX_CHARS);
  if (setting !== undefined) context.setting = setting;
  for (const key of ID_FIELDS) {
    const value = optionalUuid(input[key], `${prefix}.context.${key}`);
    if (value !== undefined) context[key] = value;
  }
  return context;
}

/** A prompt within llm_service.max_prompt_chars, trimmed; null when not given. */
export function readPrompt(value: string | null | undefined, field: string, config: LlmServiceConfig): string | null {
  if (value === null || value === undefined) return null;
  const prompt = value.trim();
  if (prompt.length === 0) throw badUserInput(`${field} must not be empty`, { field });
  if (prompt.length > config.max_prompt_chars) {
    throw badUserInput(`${field} must be at most ${config.max_prompt_chars} characters, got ${prompt.length}`, { field });
  }
  return prompt;
}

/** Checks generateText's input against hub.yaml's bounds and normalises it; throws BAD_USER_INPUT naming the first bad field. */
export function validateGenerateTextInput(input: GenerateTextInput, config: LlmServiceConfig, prefix = 'input'): ValidGenerateTextInput {
  // An explicit null overrides the schema default in GraphQL; treat it as "not given".
  const kind = input.kind ?? 'FREEFORM';
  const prompt = readPrompt(input.prompt, `${prefix}.prompt`, config);
  if (kind === 'FREEFORM' && prompt === null) {
    throw badUserInput(`${prefix}.prompt is required when kind is FREEFORM`, { field: `${prefix}.prompt` });
  }
  const maxTokens = input.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (maxTokens < 1 || maxTokens > config.max_tokens) {
    throw badUserInput(`${prefix}.maxTokens must be between 1 and ${config.max_tokens}, got ${maxTokens}`, { field: `${prefix}.maxTokens` });
  }
  const context = readContext(input.context, prefix);
  return {
    kind,
    prompt,
    context,
    seed: input.seed ?? null,
    maxTokens,
    provider: input.provider?.trim() || null,
    model: input.model?.trim() || null,
  };
}
