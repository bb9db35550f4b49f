// PLOT_HOOK asks for three to five hooks; more than 10 is a provider ignoring the instructions: the rest is dropped.
const MAX_HOOKS = 10;
// A hook is one or a few sentences; 2000 characters bounds what one odd answer can store per row.
const MAX_HOOK_LENGTH = 2_000;

const NUMBERED = /^\s*(?:\d+[.)]|[-*•])\s+(.*)$/;

/**
 * The hooks of a PLOT_HOOK text: its numbered (or bulleted) items, each with the lines that continue it, without
 * the introduction before the first one. A text without any numbered item is taken paragraph by paragraph, so an
 * answer in another shape still gives hooks rather than nothing.
 */
export function splitPlotHooks(text: string): string[] {
  const hasNumbered = text.split('\n').some((line) => NUMBERED.test(line));
  const hooks = hasNumbered ? itemsAfterNumbering(text) : text.split(/\n\s*\n/).map((paragraph) => paragraph.replace(/\s+/g, ' ').trim());
  return hooks
    .filter((hook) => hook.length > 0)
    .slice(0, MAX_HOOKS)
    .map((hook) => hook.slice(0, MAX_HOOK_LENGTH));
}

/** Each numbered item joined with its continuation lines; a blank line ends an item. */
function itemsAfterNumbering(text: string): string[] {
  const hooks: string[] = [];
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const numbered = NUMBERED.exec(line);
    if (numbered) {
      if (current) hooks.push(current.join(' '));
      current = [(numbered[1] ?? '').trim()];
    } else if (line.trim() === '') {
      if (current) hooks.push(current.join(' '));
      current = null;
    } else if (current) {
      current.push(line.trim());
    }
  }
  if (current) hooks.push(current.join(' '));
  return hooks;
}
