import { asi, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Paladin: auras reach 10 feet, and 30 feet from level 18 (Aura improvements).
const AURA_RANGE = 10;
const IMPROVED_AURA_RANGE = 30;
const AURA_IMPROVEMENT_LEVEL = 18;
/** The range of every paladin aura at a paladin level (the Devotion aura follows the same rule). */
export const paladinAuraRange = (level: number) => (level >= AURA_IMPROVEMENT_LEVEL ? IMPROVED_AURA_RANGE : AURA_RANGE);
const feet = (level: number) => `${paladinAuraRange(level)} ft`;

export const PALADIN_FEATURES: FeatureDefinition[] = [
  { name: 'Divine Sense', level: 1, description: 'Sense celestials, fiends and undead nearby, a few times per long rest.' },
  {
    name: 'Lay on Hands',
    level: 1,
    description: 'A pool of healing equal to five times your paladin level, restored on a long rest.',
    value: (level) => `${5 * level} HP`,
  },
  { name: 'Fighting Style', level: 2, description: 'Adopt a fighting style that suits your way of combat.' },
  { name: 'Spellcasting: Paladin', level: 2, description: 'Prepare and cast paladin spells with Charisma; a holy symbol can be your focus.' },
  { name: 'Divine Smite', level: 2, description: 'Spend a spell slot on a melee hit for extra radiant damage.' },
  { name: 'Divine Health', level: 3, description: 'Immune to disease.' },
  { name: 'Sacred Oath', level: 3, description: 'Swear the oath that binds you: your subclass.' },
  { name: 'Oath Spells', level: 3, description: "Your oath's spells are always prepared once you can cast them." },
  { name: 'Channel Divinity', level: 3, description: "Once per short rest, channel divine energy into one of your oath's effects." },
  ...asi(),
  { name: 'Extra Attack', level: 5, description: 'Attack twice when you take the Attack action.' },
  {
    name: 'Aura of Protection',
    level: 6,
    description: 'You and nearby allies add your Charisma modifier (at least +1) to saving throws while you are conscious.',
    value: feet,
    effects: [{ type: 'AURA', range: paladinAuraRange, effect: 'add the paladin’s Charisma modifier to saving throws', saveBonus: true }],
  },
  {
    name: 'Aura of Courage',
    level: 10,
    description: 'You and nearby allies cannot be frightened while you are conscious.',
    value: feet,
    effects: [{ type: 'AURA', range: paladinAuraRange, effect: 'cannot be frightened', saveBonus: false }],
  },
  { name: 'Improved Divine Smite', level: 11, description: 'Every melee weapon hit deals an extra 1d8 radiant damage.' },
  { name: 'Cleansing Touch', level: 14, description: 'End a spell on a willing creature by touch, a few times per long rest.' },
  { name: 'Aura improvements', level: 18, description: 'Your auras reach 30 feet.' },
];
