import type { Rng } from '#lib/random/prng.js';

export type Vars = Record<string, string>;

/**
 * Expands one template: `[a|b|c]` picks one alternative, then `{name}` inserts a variable.
 * Alternatives are resolved first so that they may themselves contain variables.
 * A missing variable is a bug in a phrase bank, so it throws rather than printing "{name}".
 */
export function expand(template: string, vars: Vars, rng: Rng): string {
  const chosen = template.replace(/\[([^[\]]*\|[^[\]]*)\]/g, (_m, options: string) => rng.pick(options.split('|')));
  return chosen.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = vars[name];
    if (value === undefined) throw new Error(`local provider: template variable {${name}} is not set`);
    return value;
  });
}

/** Picks one template of a bank and expands it. */
export function phrase(bank: readonly string[], vars: Vars, rng: Rng): string {
  return expand(rng.pick(bank), vars, rng);
}

/** Upper-cases the first letter: templates often start with a lower-case variable (a race, "a dwarf"). */
export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a dwarf", "an elf": the article English wants before a word (vowel letter rule, good enough for these banks). */
export function withArticle(word: string): string {
  return `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
}

/** Joins sentences into a paragraph, capitalising each and making sure each ends with punctuation. */
export function paragraph(sentences: readonly string[]): string {
  return sentences
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => capitalize(/[.!?"”]$/.test(s) ? s : `${s}.`))
    .join(' ');
}

/** "a, b and c" */
export function listJoin(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
