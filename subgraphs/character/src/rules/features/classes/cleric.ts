import { asi, repeated, stepped, type FeatureDefinition } from '../feature-definition.js';

export const CLERIC_FEATURES: FeatureDefinition[] = [
  { name: 'Spellcasting: Cleric', level: 1, description: 'Prepare and cast cleric spells with Wisdom; a holy symbol can be your focus.' },
  { name: 'Divine Domain', level: 1, description: 'Choose the domain of your deity: your subclass.' },
  ...repeated('Domain Spells', [1, 3, 5, 7, 9], "Your domain's spells of the new spell level are always prepared."),
  {
    name: 'Channel Divinity',
    level: 2,
    description: 'Channel divine energy for a divine effect; uses return on a short or long rest.',
    value: stepped([
      [2, '1/rest'],
      [6, '2/rest'],
      [18, '3/rest'],
    ]),
  },
  { name: 'Channel Divinity: Turn Undead', level: 2, description: 'Undead that fail a Wisdom save flee from you for a minute.' },
  ...asi(),
  {
    name: 'Destroy Undead',
    level: 5,
    description: 'Undead of low enough challenge rating that fail against Turn Undead are destroyed outright.',
    value: stepped([
      [5, 'CR 1/2 or below'],
      [8, 'CR 1 or below'],
      [11, 'CR 2 or below'],
      [14, 'CR 3 or below'],
      [17, 'CR 4 or below'],
    ]),
  },
  { name: 'Divine Intervention', level: 10, description: 'Call on your deity for aid; it answers if a d100 roll is at most your cleric level.' },
  { name: 'Divine Intervention Improvement', level: 20, description: 'Your call for divine intervention always succeeds.' },
];
