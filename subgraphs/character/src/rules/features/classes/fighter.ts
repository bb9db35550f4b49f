import { asi, stepped, type FeatureDefinition } from '../feature-definition.js';

const uses = (count: number) => (count === 1 ? '1 use' : `${count} uses`);

export const FIGHTER_FEATURES: FeatureDefinition[] = [
  { name: 'Fighting Style', level: 1, description: 'Adopt a fighting style that suits your way of combat.' },
  {
    name: 'Second Wind',
    level: 1,
    description: 'Once per short rest, a bonus action regains 1d10 + fighter level hit points.',
    value: (level) => `1d10 + ${level}`,
  },
  {
    name: 'Action Surge',
    level: 2,
    description: 'Take one extra action on your turn; uses return on a short rest.',
    value: stepped([
      [2, uses(1)],
      [17, uses(2)],
    ]),
  },
  { name: 'Martial Archetype', level: 3, description: 'Choose the archetype your training follows: your subclass.' },
  // SRD 5.1 Fighter: two more Ability Score Improvements than other classes, at 6 and 14.
  ...asi([4, 6, 8, 12, 14, 16, 19]),
  {
    name: 'Extra Attack',
    level: 5,
    description: 'Attack more than once when you take the Attack action: the value counts the extra attacks.',
    value: stepped([
      [5, '1'],
      [11, '2'],
      [20, '3'],
    ]),
  },
  {
    name: 'Indomitable',
    level: 9,
    description: 'Reroll a failed saving throw; uses return on a long rest.',
    value: stepped([
      [9, uses(1)],
      [13, uses(2)],
      [17, uses(3)],
    ]),
  },
];
