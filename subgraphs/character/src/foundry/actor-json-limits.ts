import { invalidInput } from '#lib/domain/index.js';

// 1 MB of JSON text: our own export of the largest character we allow (200 inventory lines, a full spellbook, every
// feature) is under 200 KB, and a Foundry export that embeds every item's description stays well under 1 MB.
export const MAX_ACTOR_JSON_CHARS = 1_000_000;
// 32 levels: the deepest path of a dnd5e actor (items[].system.activities.<id>.damage.parts[].types[]) is about
// 10 deep; nothing legitimate nests three times that, and a deeper value is only there to exhaust the stack.
export const MAX_ACTOR_DEPTH = 32;
// 400 embedded items: 200 inventory lines, a wizard's spellbook and every feature of a level 20 character fit;
// a thousand items is a flood, not a character.
export const MAX_ACTOR_ITEMS = 400;

// Keys that reach an object's prototype when code merges or assigns by path: refused wherever they appear.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const refuse = (message: string, rule: string, field = 'actor') => invalidInput(message, { field, rule });

/**
 * Checks the shape of an uploaded actor before any of it is read: an object, at most MAX_ACTOR_JSON_CHARS of JSON,
 * at most MAX_ACTOR_DEPTH deep, no prototype keys. The walk is iterative, so a deep value cannot overflow the stack.
 */
export function checkActorJson(actor: unknown): Record<string, unknown> {
  if (typeof actor !== 'object' || actor === null || Array.isArray(actor)) {
    throw refuse('actor must be a JSON object (a Foundry VTT actor export)', 'FOUNDRY_ACTOR_SHAPE');
  }
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: actor, depth: 1, path: 'actor' }];
  let chars = 0;
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (depth > MAX_ACTOR_DEPTH) throw refuse(`actor is nested more than ${MAX_ACTOR_DEPTH} levels deep (at ${path.slice(0, 80)})`, 'FOUNDRY_ACTOR_TOO_DEEP');
    // Counted as the JSON text would be, without building it: keys, strings and numbers, plus punctuation.
    if (typeof value === 'string') chars += value.length + 2;
    else if (typeof value !== 'object' || value === null) chars += String(value).length;
    else {
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
      chars += 2;
      for (const [key, child] of entries) {
        if (!Array.isArray(value) && FORBIDDEN_KEYS.has(key)) {
          throw refuse(`actor has a key "${key}" (at ${path.slice(0, 80)}): such keys are refused`, 'FOUNDRY_FORBIDDEN_KEY', `${path}.${key}`);
        }
        chars += (Array.isArray(value) ? 0 : key.length + 3) + 1;
        stack.push({ value: child, depth: depth + 1, path: Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}` });
      }
    }
    if (chars > MAX_ACTOR_JSON_CHARS) throw refuse(`actor is larger than ${MAX_ACTOR_JSON_CHARS} characters of JSON`, 'FOUNDRY_ACTOR_TOO_LARGE');
  }
  return actor as Record<string, unknown>;
}
