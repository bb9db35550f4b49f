/**
 * Cuts text to at most `maxChars`, preferring the end of a sentence, then the end of a word, so that a
 * maxTokens limit never leaves half a word. Returns whether anything was cut (finishReason 'length').
 */
// A sentence boundary is preferred only if it keeps at least half the budget; otherwise a word boundary
// keeps more of what the caller paid for.
const MIN_SENTENCE_FRACTION = 0.5;

export function truncateText(text: string, maxChars: number): { text: string; truncated: boolean } {
  if (text.length <= maxChars) return { text, truncated: false };
  const window = text.slice(0, maxChars + 1);
  let sentenceEnd = -1;
  for (const match of window.matchAll(/[.!?]["”’)]?(?=\s)/g)) {
    const end = match.index + match[0].length;
    if (end <= maxChars) sentenceEnd = end;
  }
  if (sentenceEnd >= maxChars * MIN_SENTENCE_FRACTION) return { text: text.slice(0, sentenceEnd).trimEnd(), truncated: true };
  const wordEnd = window.search(/\s\S*$/);
  if (wordEnd > 0) return { text: text.slice(0, wordEnd).replace(/[\s,;:—-]+$/, ''), truncated: true };
  // One word longer than the whole budget (a tiny maxTokens): a hard cut is all that fits.
  return { text: text.slice(0, maxChars), truncated: true };
}
