/**
 * Alignment phrase banks: one sentence from the law-chaos axis and one from the good-evil axis, so the nine
 * alignments (and "unaligned") each read distinctly. Templates: `{name}`.
 */
export type LawAxis = 'lawful' | 'neutral' | 'chaotic';
export type MoralAxis = 'good' | 'neutral' | 'evil';

export const LAW_PHRASES: Record<LawAxis, readonly string[]> = {
  lawful: [
    '{name} believes a promise is a law of its own, and keeps every one.',
    'Order matters to {name}: rules, oaths and the chain of command are what hold back the dark.',
  ],
  neutral: [
    '{name} trusts neither rigid law nor wild freedom, judging each situation on its merits.',
    '{name} follows rules when they make sense and quietly ignores them when they do not.',
  ],
  chaotic: [
    '{name} trusts their own heart over any law written by people they have never met.',
    'Chains, titles and decrees mean little to {name}; freedom means everything.',
  ],
};

export const MORAL_PHRASES: Record<MoralAxis, readonly string[]> = {
  good: ['{name} cannot walk past someone in need, whatever it costs.', 'At heart {name} fights so that others do not have to.'],
  neutral: ['{name} looks after their own first, and the wider world when they can.', 'Good and evil are, for {name}, luxuries of people with full bellies.'],
  evil: [
    '{name} has learned that mercy is a weakness others will exploit, and shows little of it.',
    '{name} takes what they want, and tells themselves the weak would do the same.',
  ],
};

export const UNALIGNED_PHRASES: readonly string[] = ['{name} has never thought much about right and wrong, only about what comes next.'];
