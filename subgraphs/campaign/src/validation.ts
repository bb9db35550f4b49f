import { invalidInput } from '#lib/domain/index.js';

// 100: long enough for any campaign, NPC or quest name seen in published adventures, short enough for a list row.
export const MAX_NAME_LENGTH = 100;
// 2 000: a setting is a paragraph or two about the world (the llm service takes the same length as context).
export const MAX_SETTING_LENGTH = 2_000;
// 10 000: several pages of prose (a session recap, a villain's backstory) while bounding one row's size.
export const MAX_TEXT_LENGTH = 10_000;
// 355 000: the experience that takes a character from level 1 to 20 (SRD 5.1); no single session awards more.
export const MAX_SESSION_XP = 355_000;

export { isUuid } from '#lib/db/uuid.js';

/** A required name or title: trimmed, 1 to 100 characters. */
export function requireName(field: string, value: string | null | undefined): string {
  const trimmed = value?.trim() ?? '';
  if (trimmed.length < 1 || trimmed.length > MAX_NAME_LENGTH) {
    throw invalidInput(`${field} must be 1 to ${MAX_NAME_LENGTH} characters`, { field });
  }
  return trimmed;
}

/** An optional text: null when absent or blank, at most `max` characters. */
export function optionalText(field: string, value: string | null | undefined, max = MAX_TEXT_LENGTH): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw invalidInput(`${field} must be at most ${max} characters`, { field });
  return trimmed.length ? trimmed : null;
}
