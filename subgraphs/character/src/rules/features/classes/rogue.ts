import { asi, repeated, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Rogue: Blindsense works within 10 feet.
const BLINDSENSE_FEET = 10;

export const ROGUE_FEATURES: FeatureDefinition[] = [
  ...repeated('Expertise', [1, 6], 'Double the proficiency bonus of two skills (or one and thieves’ tools) you are proficient in.'),
  // SRD 5.1 Rogue table: Sneak Attack 1d6, one more die every odd level.
  {
    name: 'Sneak Attack',
    level: 1,
    description: 'Once per turn, extra damage on a finesse or ranged hit with advantage or an ally beside the target.',
    value: (level) => `${Math.ceil(level / 2)}d6`,
  },
  { name: "Thieves' Cant", level: 1, description: 'The secret jargon of thieves, for hidden messages in plain talk.' },
  { name: 'Cunning Action', level: 2, description: 'Dash, Disengage or Hide as a bonus action.' },
  { name: 'Roguish Archetype', level: 3, description: 'Choose the archetype you emulate: your subclass.' },
  // SRD 5.1 Rogue: one more Ability Score Improvement than other classes, at 10.
  ...asi([4, 8, 10, 12, 16, 19]),
  { name: 'Uncanny Dodge', level: 5, description: 'Halve the damage of an attack you can see, with your reaction.' },
  { name: 'Evasion', level: 7, description: 'Area effects that allow a Dexterity save for half deal no damage on a success and half on a failure.' },
  { name: 'Reliable Talent', level: 11, description: 'A d20 below 10 counts as 10 on checks with a proficient skill.' },
  {
    name: 'Blindsense',
    level: 14,
    description: 'You know where hidden or invisible creatures close to you are, if you can hear.',
    value: () => `${BLINDSENSE_FEET} ft`,
    effects: [{ type: 'SENSE', sense: 'Blindsense', feet: BLINDSENSE_FEET }],
  },
  {
    name: 'Slippery Mind',
    level: 15,
    description: 'Proficiency in Wisdom saving throws.',
    effects: [{ type: 'SAVE_PROFICIENCY', abilities: ['WISDOM'] }],
  },
  { name: 'Elusive', level: 18, description: 'No attack roll has advantage against you while you are not incapacitated.' },
  { name: 'Stroke of Luck', level: 20, description: 'Turn a miss into a hit or a failed check into a 20, once per short rest.' },
];
