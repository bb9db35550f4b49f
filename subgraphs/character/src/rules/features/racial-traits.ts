import type { Race } from '../races.js';
import { stepped, type FeatureDefinition } from './feature-definition.js';

// SRD 5.1 Darkvision: see in the dark within 60 feet.
const DARKVISION_FEET = 60;
const darkvision: FeatureDefinition = {
  name: 'Darkvision',
  level: 1,
  description: 'See in dim light as if bright, and in darkness as if dim, in shades of grey.',
  value: () => `${DARKVISION_FEET} ft`,
  effects: [{ type: 'SENSE', sense: 'Darkvision', feet: DARKVISION_FEET }],
};
const trait = (name: string, description: string): FeatureDefinition => ({ name, level: 1, description });
const feyAncestry = trait('Fey Ancestry', 'Advantage on saves against being charmed, and magic cannot put you to sleep.');

/** Every SRD 5.1 racial trait, race and subrace together. Dwarven Toughness's hit points are applied by races.ts. */
export const RACIAL_TRAITS: Record<Race, FeatureDefinition[]> = {
  DRAGONBORN: [
    trait('Draconic Ancestry', 'A dragon ancestor sets the damage type of your breath and your resistance.'),
    // SRD 5.1 Dragonborn Breath Weapon: 2d6, 3d6 at 6th level, 4d6 at 11th, 5d6 at 16th.
    {
      ...trait('Breath Weapon', 'Exhale destructive energy once per short rest; damage grows with your level.'),
      value: stepped([
        [1, '2d6'],
        [6, '3d6'],
        [11, '4d6'],
        [16, '5d6'],
      ]),
    },
    trait('Damage Resistance', "Resistance to your ancestor's damage type."),
  ],
  HILL_DWARF: [
    darkvision,
    trait('Dwarven Resilience', 'Advantage on saves against poison, and resistance to poison damage.'),
    trait('Dwarven Combat Training', 'Proficiency with battleaxe, handaxe, light hammer and warhammer.'),
    trait('Tool Proficiency', "Proficiency with one set of artisan's tools: smith's, brewer's or mason's."),
    trait('Stonecunning', 'Doubled proficiency on History checks about stonework.'),
    { ...trait('Dwarven Toughness', 'One more hit point per level.'), value: () => '+1 HP per level' },
  ],
  HIGH_ELF: [
    darkvision,
    trait('Keen Senses', 'Proficiency in Perception.'),
    feyAncestry,
    trait('Trance', 'Four hours of meditation serve as a long rest.'),
    trait('Elf Weapon Training', 'Proficiency with longsword, shortsword, shortbow and longbow.'),
    trait('High Elf Cantrip', 'One wizard cantrip, cast with Intelligence.'),
    trait('Extra Language', 'One more language of your choice.'),
  ],
  ROCK_GNOME: [
    darkvision,
    trait('Gnome Cunning', 'Advantage on Intelligence, Wisdom and Charisma saves against magic.'),
    trait("Artificer's Lore", 'Doubled proficiency on History checks about magic items, alchemy and technology.'),
    trait('Tinker', 'Build small clockwork devices with tinker’s tools.'),
  ],
  HALF_ELF: [darkvision, feyAncestry, trait('Skill Versatility', 'Proficiency in two skills of your choice.')],
  HALF_ORC: [
    darkvision,
    trait('Menacing', 'Proficiency in Intimidation.'),
    trait('Relentless Endurance', 'Drop to 1 hit point instead of 0, once per long rest.'),
    { ...trait('Savage Attacks', 'One extra weapon damage die on a melee critical hit.'), value: () => '1 die' },
  ],
  LIGHTFOOT_HALFLING: [
    trait('Lucky', 'Reroll a natural 1 on an attack, check or save.'),
    trait('Brave', 'Advantage on saves against being frightened.'),
    trait('Halfling Nimbleness', 'Move through the space of any creature larger than you.'),
    trait('Naturally Stealthy', 'Hide behind a creature at least one size larger than you.'),
  ],
  HUMAN: [],
  TIEFLING: [
    darkvision,
    trait('Hellish Resistance', 'Resistance to fire damage.'),
    trait('Infernal Legacy', 'The thaumaturgy cantrip, then hellish rebuke and darkness as you level, cast with Charisma.'),
  ],
};
