/**
 * Helpers that let the grammars use the caller's own words: the prompt quoted as a clause, and its
 * content words (stop words dropped) as topics.
 */
// 160 characters: a clause that still reads as part of a sentence; longer prompts are cut at a word.
const CLAUSE_MAX_CHARS = 160;

const STOP_WORDS = new Set(
  (
    'a an and are as at be but by can could did do does for from give had has have he her his how i if in into is it its me my of on or our please she should so tell that the their them then there these they this those to us was we what when where which who whom whose why will with would write you your about some describe make create generate story ' +
    'happen happened happens get got know knew want wants need needs like likes going come came go goes went take took say said see saw find found keep kept think thought one two three any all more most very just also only ever never really'
  ).split(' '),
);

/** The prompt as a clause: first sentence, no trailing punctuation, at most CLAUSE_MAX_CHARS. */
export function promptClause(prompt: string): string {
  const flat = prompt.replace(/\s+/g, ' ').trim();
  let clause = (flat.split(/(?<=[.!?])\s/)[0] ?? flat).replace(/[.!?]+$/, '');
  if (clause.length > CLAUSE_MAX_CHARS) {
    const cut = clause.slice(0, CLAUSE_MAX_CHARS);
    clause = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
  }
  return clause;
}

/**
 * Content words of the prompt, most frequent first (ties keep prompt order), without duplicates. A word
 * written capitalised mid-sentence (a name: "Thundertree") keeps its capital; others are lower-cased.
 */
export function promptKeywords(prompt: string, limit: number): string[] {
  const counts = new Map<string, { word: string; count: number }>();
  for (const match of prompt.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const raw = match[0].replace(/['’]s$/, '');
    const key = raw.toLowerCase();
    if (key.length < 3 || STOP_WORDS.has(key)) continue;
    const startsSentence = match.index === 0 || /[.!?]\s*$/.test(prompt.slice(0, match.index));
    const word = /^\p{Lu}/u.test(raw) && !startsSentence ? raw : key;
    const entry = counts.get(key);
    counts.set(key, { word: entry?.word ?? word, count: (entry?.count ?? 0) + 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, limit)
    .map((entry) => entry.word);
}
