import { asi, repeated, stepped, type FeatureDefinition } from '../feature-definition.js';

export const BARD_FEATURES: FeatureDefinition[] = [
  { name: 'Spellcasting: Bard', level: 1, description: 'Cast bard spells with Charisma; an instrument can be your focus.' },
  {
    name: 'Bardic Inspiration',
    level: 1,
    description: 'Give an ally a die to add to one check, attack or save; uses equal your Charisma modifier.',
    value: stepped([
      [1, 'd6'],
      [5, 'd8'],
      [10, 'd10'],
      [15, 'd12'],
    ]),
  },
  {
    name: 'Jack of All Trades',
    level: 2,
    description: 'Add half your proficiency bonus (rounded down) to ability checks you are not proficient in.',
    effects: [{ type: 'NON_PROFICIENT_CHECKS', rounding: 'DOWN', abilities: 'ALL' }],
  },
  {
    name: 'Song of Rest',
    level: 2,
    description: 'Allies who spend hit dice during your short rest regain extra hit points.',
    value: stepped([
      [2, 'd6'],
      [9, 'd8'],
      [13, 'd10'],
      [17, 'd12'],
    ]),
  },
  { name: 'Bard College', level: 3, description: 'Join a bardic college: your subclass.' },
  ...repeated('Expertise', [3, 10], 'Double the proficiency bonus of two more skills you are proficient in.'),
  ...asi(),
  { name: 'Font of Inspiration', level: 5, description: 'Bardic Inspiration comes back on a short rest as well as a long one.' },
  { name: 'Countercharm', level: 6, description: 'A performance gives nearby allies advantage on saves against fear and charm.' },
  ...repeated('Magical Secrets', [10, 14, 18], "Learn two spells from any class's list; they count as bard spells."),
  { name: 'Superior Inspiration', level: 20, description: 'Regain one use of Bardic Inspiration when you roll initiative with none left.' },
];
