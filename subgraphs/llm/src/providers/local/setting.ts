/**
 * Reads a campaign's free-text setting for the grammars: a short summary to quote and the proper names in
 * it (places, factions) to build hooks around, so the hooks are about *this* world, not a generic one.
 */
export interface SettingInfo {
  /** The setting's first sentence, shortened to a phrase that fits mid-sentence. */
  summary: string;
  /** Capitalised names found in the text ("Sword Coast", "Neverwinter"), in order of appearance. */
  names: string[];
}

// 140 characters: about one line of prose; longer settings are paraphrased by their first clause.
const SUMMARY_MAX_CHARS = 140;

// Capitalised words that start sentences or clauses without being names.
const NOT_NAMES = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'When',
  'Where',
  'This',
  'That',
  'It',
  'Its',
  'Their',
  'Our',
  'After',
  'Before',
  'Once',
  'There',
  'Here',
  'But',
  'And',
  'Now',
  'While',
  'During',
  'Since',
  'As',
  'I',
  'We',
  'They',
  'He',
  'She',
  'Some',
  'Many',
  'Every',
  'Each',
  'For',
  'With',
]);

export function readSetting(setting: string | undefined): SettingInfo | null {
  if (!setting) return null;
  const flat = setting.replace(/\s+/g, ' ').trim();
  const firstSentence = flat.split(/(?<=[.!?])\s/)[0] ?? flat;
  let summary = firstSentence.replace(/[.!?]+$/, '');
  if (summary.length > SUMMARY_MAX_CHARS) {
    const cut = summary.slice(0, SUMMARY_MAX_CHARS);
    summary = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1)).replace(/[,;:\s]+$/, '');
  }
  // Lower-case the first letter unless it starts a name, so the summary reads well after "set in".
  const firstWord = summary.split(' ')[0] ?? '';
  if (NOT_NAMES.has(firstWord)) summary = summary.charAt(0).toLowerCase() + summary.slice(1);

  const names: string[] = [];
  for (const match of flat.matchAll(/(?:\bthe\s+)?[A-Z][\p{L}'’-]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\p{L}'’-]+)*/gu)) {
    const words = match[0].replace(/^the\s+/, 'The ').split(' ');
    let article = '';
    while (words.length > 0 && NOT_NAMES.has(words[0] ?? '')) article = words.shift() === 'The' ? 'the ' : '';
    // "The Sword Coast" stays "the Sword Coast": the article is part of how the name is said.
    const name = words.length > 0 ? `${article}${words.join(' ')}` : '';
    if (name.replace(/^the /, '').length > 2 && !names.includes(name)) names.push(name);
  }
  return { summary, names };
}
