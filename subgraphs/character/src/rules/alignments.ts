/** The nine SRD 5.1 alignments. */
export const ALIGNMENTS = [
  'LAWFUL_GOOD',
  'NEUTRAL_GOOD',
  'CHAOTIC_GOOD',
  'LAWFUL_NEUTRAL',
  'NEUTRAL',
  'CHAOTIC_NEUTRAL',
  'LAWFUL_EVIL',
  'NEUTRAL_EVIL',
  'CHAOTIC_EVIL',
] as const;
export type Alignment = (typeof ALIGNMENTS)[number];
