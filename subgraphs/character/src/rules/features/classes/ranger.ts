import { asi, stepped, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Ranger: Feral Senses works within 30 feet.
const FERAL_SENSES_FEET = 30;

export const RANGER_FEATURES: FeatureDefinition[] = [
  {
    name: 'Favored Enemy',
    level: 1,
    description: 'Advantage on tracking and recalling lore about chosen kinds of enemy, and one of their languages.',
    value: stepped([
      [1, '1 type'],
      [6, '2 types'],
      [14, '3 enemies'],
    ]),
  },
  {
    name: 'Natural Explorer',
    level: 1,
    description: 'Chosen terrains hold no secrets: doubled proficiency on related checks and easy travel.',
    value: stepped([
      [1, '1 terrain type'],
      [6, '2 terrain types'],
      [10, '3 terrain types'],
    ]),
  },
  { name: 'Fighting Style', level: 2, description: 'Adopt a fighting style that suits your way of combat.' },
  { name: 'Spellcasting: Ranger', level: 2, description: 'Cast ranger spells with Wisdom.' },
  { name: 'Ranger Archetype', level: 3, description: 'Choose the archetype you emulate: your subclass.' },
  { name: 'Primeval Awareness', level: 3, description: 'Spend a spell slot to sense certain kinds of creature for miles around.' },
  ...asi(),
  { name: 'Extra Attack', level: 5, description: 'Attack twice when you take the Attack action.' },
  { name: "Land's Stride", level: 8, description: 'Nonmagical difficult terrain and plants neither slow nor harm you.' },
  { name: 'Hide in Plain Sight', level: 10, description: 'Camouflage yourself to gain +10 on Stealth while you stay still.' },
  { name: 'Vanish', level: 14, description: 'Hide as a bonus action, and leave no tracks unless you choose to.' },
  {
    name: 'Feral Senses',
    level: 18,
    description: 'No disadvantage attacking unseen creatures, and you sense invisible ones nearby.',
    value: () => `${FERAL_SENSES_FEET} ft`,
    effects: [{ type: 'SENSE', sense: 'Feral Senses', feet: FERAL_SENSES_FEET }],
  },
  { name: 'Foe Slayer', level: 20, description: 'Once per turn add your Wisdom modifier to an attack or damage roll against a favored enemy.' },
];
