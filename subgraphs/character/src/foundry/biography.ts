import { invalidInput } from '#lib/domain/index.js';

/**
 * A backstory (plain text) as the HTML of a Foundry biography and back. Blank lines make paragraphs and single line
 * breaks <br>, so that `biographyText(biographyHtml(text)) === text` for any text: a round trip keeps it exactly.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function biographyHtml(text: string | null): string {
  if (!text) return '';
  const escape = (part: string) => part.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
  return text
    .split('\n\n')
    .map((paragraph) => `<p>${escape(paragraph).replaceAll('\n', '<br>')}</p>`)
    .join('');
}

// Formatting a Foundry editor writes: kept as text, their markup dropped. Anything else (script, iframe, img, a
// link, a style, an event handler attribute) is refused: a biography is shown to other players, and we store text.
const FORMATTING = new Set([
  'p',
  'br',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'span',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'hr',
]);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

// Where a paragraph ended, while tags are read: a character no HTML text carries.
const PARAGRAPH_END = '\u0000';

export interface BiographyText {
  text: string;
  /** True when formatting other than paragraphs and line breaks was dropped. */
  droppedFormatting: boolean;
}

/** The plain text of a biography's HTML, or BAD_USER_INPUT (rule FOUNDRY_BIOGRAPHY_MARKUP) for markup we refuse. */
export function biographyText(html: string, field: string): BiographyText {
  let droppedFormatting = false;
  const withoutTags = html.replace(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<!--[\s\S]*?-->|<[^>]*>?/g, (tag, closing: string, name?: string, rest?: string) => {
    const element = name?.toLowerCase();
    // Attributes are refused outright: on* handlers and style are how markup runs code in a page.
    if (!element || !FORMATTING.has(element) || (rest && rest.replace(/\/\s*$/, '').trim() !== '')) {
      throw invalidInput(`${field} contains markup that is not allowed (${tag.slice(0, 40)}): send plain text or simple formatting`, {
        field,
        rule: 'FOUNDRY_BIOGRAPHY_MARKUP',
      });
    }
    if (element === 'br') return '\n';
    if (element === 'p') return closing ? PARAGRAPH_END : '';
    if (element !== 'span') droppedFormatting = true;
    // A closing block element ends a paragraph of the text, as </p> does.
    return closing && /^(li|div|h\d|blockquote)$/.test(element) ? PARAGRAPH_END : '';
  });
  const paragraphs = withoutTags.replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name.toLowerCase()] ?? entity).split(PARAGRAPH_END);
  // The last paragraph's end closes the text: it adds no blank line.
  if (paragraphs.length > 1 && paragraphs[paragraphs.length - 1] === '') paragraphs.pop();
  return { text: paragraphs.join('\n\n'), droppedFormatting };
}
