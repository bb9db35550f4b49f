import { asi, stepped, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Barbarian table: Rage Damage +2 from 1, +3 from 9, +4 from 16.
const rageDamage = stepped([
  [1, '+2'],
  [9, '+3'],
  [16, '+4'],
]);

export const BARBARIAN_FEATURES: FeatureDefinition[] = [
  {
    name: 'Rage',
    level: 1,
    description: 'Bonus action fury: advantage on Strength checks and saves, extra melee damage, resistance to weapon damage.',
    value: rageDamage,
  },
  { name: 'Unarmored Defense', level: 1, description: 'Without armour, armour class is 10 + Dexterity + Constitution modifiers (a shield still counts).' },
  {
    name: 'Reckless Attack',
    level: 2,
    description: 'Attack with advantage on Strength melee attacks this turn, at the price of attacks against you having it too.',
  },
  { name: 'Danger Sense', level: 2, description: 'Advantage on Dexterity saves against effects you can see, unless blinded, deafened or incapacitated.' },
  { name: 'Primal Path', level: 3, description: 'Choose the path your rage follows: your subclass.' },
  ...asi(),
  { name: 'Extra Attack', level: 5, description: 'Attack twice when you take the Attack action.' },
  {
    name: 'Fast Movement',
    level: 5,
    description: 'Walking speed is 10 feet faster while not in heavy armour.',
    value: () => '+10 ft',
    effects: [{ type: 'SPEED_BONUS', feet: () => 10, lostIn: 'HEAVY_ARMOR' }],
  },
  { name: 'Feral Instinct', level: 7, description: 'Advantage on initiative, and you can act while surprised if you rage first.' },
  {
    name: 'Brutal Critical',
    level: 9,
    description: 'Extra weapon damage dice on a melee critical hit.',
    value: stepped([
      [9, '1 die'],
      [13, '2 dice'],
      [17, '3 dice'],
    ]),
  },
  { name: 'Relentless Rage', level: 11, description: 'While raging, a Constitution save (harder each time) can keep you at 1 hit point instead of 0.' },
  { name: 'Persistent Rage', level: 15, description: 'Your rage ends early only if you fall unconscious or choose to end it.' },
  { name: 'Indomitable Might', level: 18, description: 'A Strength check that totals less than your Strength score uses the score instead.' },
  {
    name: 'Primal Champion',
    level: 20,
    description: 'Strength and Constitution rise by 4, to a maximum of 24.',
    value: () => '+4',
    effects: [{ type: 'ABILITY_INCREASE', abilities: ['STRENGTH', 'CONSTITUTION'], amount: 4, maximum: 24 }],
  },
];
