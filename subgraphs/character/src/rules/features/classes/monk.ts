import { asi, stepped, type FeatureDefinition } from '../feature-definition.js';

// SRD 5.1 Monk table: Martial Arts d4 from 1, d6 from 5, d8 from 11, d10 from 17.
const martialArtsDie = stepped([
  [1, '1d4'],
  [5, '1d6'],
  [11, '1d8'],
  [17, '1d10'],
]);
// SRD 5.1 Monk table: Unarmored Movement +10 ft at 2, then +5 ft at 6, 10, 14 and 18.
const UNARMORED_MOVEMENT_STEPS = [2, 6, 10, 14, 18];
const FEET_PER_STEP = 5;
const unarmoredMovementFeet = (level: number) => {
  const steps = UNARMORED_MOVEMENT_STEPS.filter((from) => from <= level).length;
  return steps === 0 ? 0 : 2 * FEET_PER_STEP + (steps - 1) * FEET_PER_STEP;
};

export const MONK_FEATURES: FeatureDefinition[] = [
  { name: 'Unarmored Defense', level: 1, description: 'Without armour or shield, armour class is 10 + Dexterity + Wisdom modifiers.' },
  {
    name: 'Martial Arts',
    level: 1,
    description: 'Unarmed strikes and monk weapons use Dexterity and the martial arts die, with a bonus unarmed strike.',
    value: martialArtsDie,
  },
  // SRD 5.1 Monk: ki points equal the monk level.
  { name: 'Ki', level: 2, description: 'A pool of ki points, regained on a short rest, fuels monk techniques.', value: (level) => String(level) },
  { name: 'Flurry of Blows', level: 2, description: 'Spend 1 ki after attacking for two bonus unarmed strikes.' },
  { name: 'Patient Defense', level: 2, description: 'Spend 1 ki to Dodge as a bonus action.' },
  { name: 'Step of the Wind', level: 2, description: 'Spend 1 ki to Dash or Disengage as a bonus action, and jump twice as far.' },
  {
    name: 'Unarmored Movement',
    level: 2,
    description: 'Walking speed rises while you wear no armour and carry no shield.',
    value: (level) => `+${unarmoredMovementFeet(level)} ft`,
    effects: [{ type: 'SPEED_BONUS', feet: unarmoredMovementFeet, lostIn: 'ARMOR_OR_SHIELD' }],
  },
  { name: 'Monastic Tradition', level: 3, description: 'Commit to a monastic tradition: your subclass.' },
  { name: 'Deflect Missiles', level: 3, description: 'Reduce the damage of a ranged weapon attack with your reaction, and maybe throw it back.' },
  ...asi(),
  { name: 'Slow Fall', level: 4, description: 'Your reaction cuts falling damage by five times your monk level.', value: (level) => String(5 * level) },
  { name: 'Extra Attack', level: 5, description: 'Attack twice when you take the Attack action.' },
  { name: 'Stunning Strike', level: 5, description: 'Spend 1 ki when a melee hit lands to try to stun the target.' },
  { name: 'Ki Empowered Strikes', level: 6, description: 'Your unarmed strikes count as magical.' },
  { name: 'Evasion', level: 7, description: 'Area effects that allow a Dexterity save for half deal no damage on a success and half on a failure.' },
  { name: 'Stillness of Mind', level: 7, description: 'Use your action to end a charm or fear effect on yourself.' },
  { name: 'Unarmored Movement', level: 9, description: 'Move across vertical surfaces and over liquids on your turn without falling.' },
  { name: 'Purity of Body', level: 10, description: 'Immune to disease and poison.' },
  { name: 'Tongue of the Sun and Moon', level: 13, description: 'Understand every spoken language, and be understood by any creature that speaks one.' },
  {
    name: 'Diamond Soul',
    level: 14,
    description: 'Proficiency in every saving throw; 1 ki rerolls a failed save.',
    effects: [{ type: 'SAVE_PROFICIENCY', abilities: 'ALL' }],
  },
  { name: 'Timeless Body', level: 15, description: 'No frailty of age, no magical ageing, and no need for food or water.' },
  { name: 'Empty Body', level: 18, description: 'Spend ki to become invisible and resistant to most damage, or to cast astral projection.' },
  { name: 'Perfect Self', level: 20, description: 'Regain 4 ki points when you roll initiative with none left.' },
];
