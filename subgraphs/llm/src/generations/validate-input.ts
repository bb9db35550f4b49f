import { isUuid } from '../../../../lib/db/uuid.js';
import { badUserInput } from '../../../../lib/graphql/index.js';
import type { GenerateTextInput, GenerationContextInput } from '../__generated__/resolvers-types.js';
import type { GenerationContext, GenerationKind } from '../providers/text-provider.js';

// 4000 characters: about 1000 tokens, room for a detailed request while keeping prompt cost bounded.
export const PROMPT_MAX_CHARS = 4000;
// 2048 tokens: several pages, above any kind's natural length; a bound on one request's cost.
export const MAX_TOKENS_LIMIT = 2048;
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
}

const NAME_FIELDS = ['characterName', 'race', 'characterClass', 'background', 'alignment', 'campaignName'] as const;
const ID_FIELDS = ['characterId', 'campaignId'] as const;

/** Blank strings count as absent: a form that sends "" for an untouched field means "not given". */
function optionalText(value: string | null | undefined, field: string, maxChars: number): string | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (trimmed.length > maxChars) {
    throw badUserInput(`${field} must be at most ${maxChars} characters, got ${trimmed.length}`, { field });
  }
  return trimmed;
}

function readContext(input: GenerationContextInput | null | undefined): GenerationContext {
  const context: GenerationContext = {};
  if (!input) return context;
  for (const key of NAME_FIELDS) {
    const value = optionalText(input[key], `input.context.${key}`, NAME_MAX_CHARS);
    if (value !== undefined) context[key] = value;
  }
  const setting = optionalText(input.setting, 'input.context.setting', SETTING_MAX_CHARS);
  if (setting !== undefined) context.setting = setting;
  for (const key of ID_FIELDS) {
    const value = input[key]?.trim();
    if (!value) continue;
    // Ids of other services' entities are UUIDs by the platform's convention; anything else cannot match one.
    if (!isUuid(value)) throw badUserInput(`input.context.${key} must be a UUID, got "${String(value).slice(0, 40)}"`, { field: `input.context.${key}` });
    context[key] = value.toLowerCase();
  }
  return context;
}

/** Checks generateText's input and normalises it; throws BAD_USER_INPUT naming the first bad field. */
export function validateGenerateTextInput(input: GenerateTextInput): ValidGenerateTextInput {
  // An explicit null overrides the schema default in GraphQL; treat it as "not given".
  const kind = input.kind ?? 'FREEFORM';
  let prompt: string | null = null;
  if (input.prompt !== null && input.prompt !== undefined) {
    prompt = input.prompt.trim();
    if (prompt.length === 0) throw badUserInput('input.prompt must not be empty', { field: 'input.prompt' });
    if (prompt.length > PROMPT_MAX_CHARS) {
      throw badUserInput(`input.prompt must be at most ${PROMPT_MAX_CHARS} characters, got ${prompt.length}`, { field: 'input.prompt' });
    }
  }
  if (kind === 'FREEFORM' && prompt === null) {
    throw badUserInput('input.prompt is required when kind is FREEFORM', { field: 'input.prompt' });
  }
  const maxTokens = input.maxTokens ?? DEFAULT_MAX_TOKENS;
  if (maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT) {
    throw badUserInput(`input.maxTokens must be between 1 and ${MAX_TOKENS_LIMIT}, got ${maxTokens}`, { field: 'input.maxTokens' });
  }
  return { kind, prompt, context: readContext(input.context), seed: input.seed ?? null, maxTokens };
}
