import { asi, stepped, type FeatureDefinition } from '../feature-definition.js';

export const DRUID_FEATURES: FeatureDefinition[] = [
  { name: 'Spellcasting: Druid', level: 1, description: 'Prepare and cast druid spells with Wisdom; a druidic focus can be your focus.' },
  { name: 'Druidic', level: 1, description: 'You know the secret language of druids and can leave hidden messages in it.' },
  {
    name: 'Wild Shape',
    level: 2,
    description: 'Turn into a beast you have seen, twice per short rest, limited by challenge rating and movement.',
    value: stepped([
      [2, 'CR 1/4 or below, no flying or swim speed'],
      [4, 'CR 1/2 or below, no flying speed'],
      [8, 'CR 1 or below'],
    ]),
  },
  { name: 'Druid Circle', level: 2, description: 'Join a circle of druids: your subclass.' },
  ...asi(),
  { name: 'Timeless Body', level: 18, description: 'You age one year for every ten that pass.' },
  { name: 'Beast Spells', level: 18, description: 'Cast many of your druid spells while in beast shape.' },
  { name: 'Archdruid', level: 20, description: 'Wild Shape without limit, and ignore the minor parts of druid spells.' },
];
