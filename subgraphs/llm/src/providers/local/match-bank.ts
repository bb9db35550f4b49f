/**
 * Finds which phrase bank free text refers to ("Hill Dwarf" -> dwarf, "Half-Elf" -> half-elf): the longest
 * alias found as whole words wins, so "half-elf" is not read as "elf".
 */
export function matchBank<TKey extends string>(text: string | undefined, banks: Record<TKey, { readonly aliases: readonly string[] }>): TKey | null {
  if (!text) return null;
  const haystack = ` ${text
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .replace(/\s+/g, ' ')} `;
  let best: { key: TKey; length: number } | null = null;
  for (const key of Object.keys(banks) as TKey[]) {
    for (const alias of banks[key].aliases) {
      const found = new RegExp(`(^|[\\s])${alias.replace(/-/g, '\\-')}(?=[\\s])`).test(haystack);
      if (found && (!best || alias.length > best.length)) best = { key, length: alias.length };
    }
  }
  return best?.key ?? null;
}
